using PSKube.FakeCluster.Protobuf;

namespace PSKube.Client.Tests.Protobuf;

/// <summary>The bodies kubectl 1.32 sent in the recorded trace decode to what the API server would store.</summary>
public class ProtobufKubectlBodyTests
{
    // kubectl create deployment pingpong --image=jpetazzo/ping
    private const string DeploymentBody =
        "6b3873000a150a07617070732f7631120a4465706c6f796d656e7412c7010a290a0870696e67706f6e6712001a0022002a003200380042005a0f0a03617070120870696e67706f6e67128b01080112110a0f0a03617070120870696e67706f6e671a6c0a210a0012001a0022002a003200380042005a0f0a03617070120870696e67706f6e67124712290a0470696e67120d6a706574617a7a6f2f70696e672a0042006a007200800100880100900100a201001a00320042004a0052005800600068008201008a01009a0100c2010022020a00280038001a0c0800100018002000280038001a002200";

    // kubectl create job flipcoin --image=alpine -- sh -c 'exit 0'
    private const string JobBody =
        "6b3873000a0f0a0862617463682f763112034a6f621295010a180a08666c6970636f696e12001a0022002a00320038004200126f326d0a100a0012001a0022002a00320038004200125912360a08666c6970636f696e1206616c70696e651a0273681a022d631a066578697420302a0042006a007200800100880100900100a201001a054e65766572320042004a0052005800600068008201008a01009a0100c201001a082000280030003a001a002200";

    // kubectl create cronjob every3mins --schedule='*/3 * * * *' --image=alpine -- sleep 10
    private const string CronJobBody =
        "6b3873000a130a0862617463682f7631120743726f6e4a6f6212c1010a1a0a0a6576657279336d696e7312001a0022002a0032003800420012a0010a0b2a2f33202a202a202a202a1a002a8e010a1a0a0a6576657279336d696e7312001a0022002a003200380042001270326e0a100a0012001a0022002a00320038004200125a12330a0a6576657279336d696e731206616c70696e651a05736c6565701a0231302a0042006a007200800100880100900100a201001a094f6e4661696c757265320042004a0052005800600068008201008a01009a0100c201001a001a002200";

    public static TheoryData<string, string> Bodies => new()
    {
        {
            DeploymentBody,
            """
            {"apiVersion": "apps/v1", "kind": "Deployment",
             "metadata": {"name": "pingpong", "labels": {"app": "pingpong"}},
             "spec": {"replicas": 1, "selector": {"matchLabels": {"app": "pingpong"}},
                      "template": {"metadata": {"labels": {"app": "pingpong"}},
                                   "spec": {"containers": [{"name": "ping", "image": "jpetazzo/ping"}]}}}}
            """
        },
        {
            JobBody,
            """
            {"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "flipcoin"},
             "spec": {"template": {"spec": {
                 "containers": [{"name": "flipcoin", "image": "alpine", "command": ["sh", "-c", "exit 0"]}],
                 "restartPolicy": "Never"}}}}
            """
        },
        {
            CronJobBody,
            """
            {"apiVersion": "batch/v1", "kind": "CronJob", "metadata": {"name": "every3mins"},
             "spec": {"schedule": "*/3 * * * *",
                      "jobTemplate": {"metadata": {"name": "every3mins"},
                                      "spec": {"template": {"spec": {
                                          "containers": [{"name": "every3mins", "image": "alpine", "command": ["sleep", "10"]}],
                                          "restartPolicy": "OnFailure"}}}}}}
            """
        },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void KubectlBodyDecodesToTheStoredObject(string bodyHex, string expectedJson) =>
        ProtobufJsonAssert.Equal(expectedJson, KubeProtobuf.DecodeObject(Convert.FromHexString(bodyHex)));

    [Fact]
    public void EveryPrefixOfAKubectlBodyThatCutsTheObjectIsRejected()
    {
        var body = Convert.FromHexString(DeploymentBody);
        // The last 4 bytes are the empty contentEncoding and contentType; everything before them is needed.
        var objectEnd = body.Length - 4;
        for (var length = 0; length < objectEnd; length++)
        {
            var prefix = body[..length];
            Assert.Throws<KubeProtobufException>(() => KubeProtobuf.DecodeObject(prefix));
        }
    }
}
