using PSKube.FakeCluster.Protobuf;

namespace PSKube.Client.Tests.Protobuf;

/// <summary>
/// The protobuf bodies kubectl 1.32 sends for its create generators (recorded with -v=9 against the fake cluster)
/// decode to the object kubectl itself prints for the same command with --dry-run=client -o json.
/// </summary>
public class ProtobufCreateGeneratorBodyTests
{
    public static TheoryData<string, string, string> Bodies => new()
    {
        {
            "kubectl -n cap create service clusterip web --tcp=80:8080 --tcp=443:8443",
            "6b3873000a0d0a027631120753657276696365128b010a220a0377656212001a0363617022002a003200380042005a0a0a03" +
            "617070120377656212610a1b0a0738302d38303830120354435018502207080010903f1a0028000a1d0a083434332d383434" +
            "33120354435018bb032207080010fb411a002800120a0a0361707012037765621a002209436c757374657249503a00420052" +
            "005a00600068001a020a001a002200",
            """
            {"kind": "Service", "apiVersion": "v1", "metadata": {"name": "web", "namespace": "cap", "labels": {"app": "web"}}, "spec": {"ports": [{"name": "80-8080", "protocol": "TCP", "port": 80, "targetPort": 8080}, {"name": "443-8443", "protocol": "TCP", "port": 443, "targetPort": 8443}], "selector": {"app": "web"}, "type": "ClusterIP"}}
            """
        },
        {
            "kubectl -n cap create service nodeport web --tcp=80:8080 --node-port=30080",
            "6b3873000a0d0a027631120753657276696365126d0a220a0377656212001a0363617022002a003200380042005a0a0a0361" +
            "7070120377656212430a1d0a0738302d38303830120354435018502207080010903f1a002880eb01120a0a03617070120377" +
            "65621a0022084e6f6465506f72743a00420052005a00600068001a020a001a002200",
            """
            {"kind": "Service", "apiVersion": "v1", "metadata": {"name": "web", "namespace": "cap", "labels": {"app": "web"}}, "spec": {"ports": [{"name": "80-8080", "protocol": "TCP", "port": 80, "targetPort": 8080, "nodePort": 30080}], "selector": {"app": "web"}, "type": "NodePort"}}
            """
        },
        {
            "kubectl -n cap create service loadbalancer web --tcp=80",
            "6b3873000a0d0a02763112075365727669636512690a220a0377656212001a0363617022002a003200380042005a0a0a0361" +
            "70701203776562123f0a150a023830120354435018502206080010501a002800120a0a0361707012037765621a00220c4c6f" +
            "616442616c616e6365723a00420052005a00600068001a020a001a002200",
            """
            {"kind": "Service", "apiVersion": "v1", "metadata": {"name": "web", "namespace": "cap", "labels": {"app": "web"}}, "spec": {"ports": [{"name": "80", "protocol": "TCP", "port": 80, "targetPort": 80}], "selector": {"app": "web"}, "type": "LoadBalancer"}}
            """
        },
        {
            "kubectl -n cap create service externalname web --external-name=db.example.com",
            "6b3873000a0d0a02763112075365727669636512600a220a0377656212001a0363617022002a003200380042005a0a0a0361" +
            "707012037765621236120a0a0361707012037765621a00220c45787465726e616c4e616d653a004200520e64622e6578616d" +
            "706c652e636f6d5a00600068001a020a001a002200",
            """
            {"kind": "Service", "apiVersion": "v1", "metadata": {"name": "web", "namespace": "cap", "labels": {"app": "web"}}, "spec": {"selector": {"app": "web"}, "type": "ExternalName", "externalName": "db.example.com"}}
            """
        },
        {
            "kubectl -n cap create serviceaccount robot",
            "6b3873000a140a027631120e536572766963654163636f756e74121a0a180a05726f626f7412001a0363617022002a003200" +
            "380042001a002200",
            """
            {"kind": "ServiceAccount", "apiVersion": "v1", "metadata": {"name": "robot", "namespace": "cap"}}
            """
        },
        {
            "kubectl -n cap create quota small --hard=pods=2,requests.cpu=500m,limits.memory=1Gi --scopes=NotTerminating",
            "6b3873000a130a027631120d5265736f7572636551756f7461126b0a180a05736d616c6c12001a0363617022002a00320038" +
            "004200124d0a160a0d6c696d6974732e6d656d6f727912050a033147690a0b0a04706f647312030a01320a160a0c72657175" +
            "657374732e63707512060a043530306d120e4e6f745465726d696e6174696e671a001a002200",
            """
            {"kind": "ResourceQuota", "apiVersion": "v1", "metadata": {"name": "small", "namespace": "cap"}, "spec": {"hard": {"limits.memory": "1Gi", "pods": "2", "requests.cpu": "500m"}, "scopes": ["NotTerminating"]}}
            """
        },
        {
            "kubectl -n cap create role reader --verb=get,list --resource=pods,deployments.apps --resource-name=a",
            "6b3873000a240a1c726261632e617574686f72697a6174696f6e2e6b38732e696f2f76311204526f6c6512560a190a067265" +
            "6164657212001a0363617022002a0032003800420012160a036765740a046c69737412001a04706f647322016112210a0367" +
            "65740a046c6973741204617070731a0b6465706c6f796d656e74732201611a002200",
            """
            {"kind": "Role", "apiVersion": "rbac.authorization.k8s.io/v1", "metadata": {"name": "reader", "namespace": "cap"}, "rules": [{"verbs": ["get", "list"], "apiGroups": [""], "resources": ["pods"], "resourceNames": ["a"]}, {"verbs": ["get", "list"], "apiGroups": ["apps"], "resources": ["deployments"], "resourceNames": ["a"]}]}
            """
        },
        {
            "kubectl -n cap create clusterrole scraper --verb=get --non-resource-url=/metrics",
            "6b3873000a2b0a1c726261632e617574686f72697a6174696f6e2e6b38732e696f2f7631120b436c7573746572526f6c6512" +
            "2a0a170a077363726170657212001a0022002a00320038004200120f0a036765742a082f6d6574726963731a002200",
            """
            {"kind": "ClusterRole", "apiVersion": "rbac.authorization.k8s.io/v1", "metadata": {"name": "scraper"}, "rules": [{"verbs": ["get"], "nonResourceURLs": ["/metrics"]}]}
            """
        },
        {
            "kubectl -n cap create rolebinding reader --role=reader --user=alice --group=devs --serviceaccount=cap:robot",
            "6b3873000a2b0a1c726261632e617574686f72697a6174696f6e2e6b38732e696f2f7631120b526f6c6542696e64696e6712" +
            "be010a190a0672656164657212001a0363617022002a00320038004200122a0a04557365721219726261632e617574686f72" +
            "697a6174696f6e2e6b38732e696f1a05616c6963652200122a0a0547726f75701219726261632e617574686f72697a617469" +
            "6f6e2e6b38732e696f1a04646576732200121e0a0e536572766963654163636f756e7412001a05726f626f7422036361701a" +
            "290a19726261632e617574686f72697a6174696f6e2e6b38732e696f1204526f6c651a067265616465721a002200",
            """
            {"kind": "RoleBinding", "apiVersion": "rbac.authorization.k8s.io/v1", "metadata": {"name": "reader", "namespace": "cap"}, "subjects": [{"kind": "User", "apiGroup": "rbac.authorization.k8s.io", "name": "alice"}, {"kind": "Group", "apiGroup": "rbac.authorization.k8s.io", "name": "devs"}, {"kind": "ServiceAccount", "name": "robot", "namespace": "cap"}], "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "reader"}}
            """
        },
        {
            "kubectl -n cap create clusterrolebinding scraper --clusterrole=scraper --user=alice",
            "6b3873000a320a1c726261632e617574686f72697a6174696f6e2e6b38732e696f2f76311212436c7573746572526f6c6542" +
            "696e64696e6712780a170a077363726170657212001a0022002a00320038004200122a0a04557365721219726261632e6175" +
            "74686f72697a6174696f6e2e6b38732e696f1a05616c69636522001a310a19726261632e617574686f72697a6174696f6e2e" +
            "6b38732e696f120b436c7573746572526f6c651a07736372617065721a002200",
            """
            {"kind": "ClusterRoleBinding", "apiVersion": "rbac.authorization.k8s.io/v1", "metadata": {"name": "scraper"}, "subjects": [{"kind": "User", "apiGroup": "rbac.authorization.k8s.io", "name": "alice"}], "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "scraper"}}
            """
        },
        {
            "kubectl -n cap create priorityclass high --value=1000 --description=important --preemption-policy=Never",
            "6b3873000a250a147363686564756c696e672e6b38732e696f2f7631120d5072696f72697479436c617373122d0a140a0468" +
            "69676812001a0022002a0032003800420010e80718002209696d706f7274616e742a054e657665721a002200",
            """
            {"kind": "PriorityClass", "apiVersion": "scheduling.k8s.io/v1", "metadata": {"name": "high"}, "value": 1000, "description": "important", "preemptionPolicy": "Never"}
            """
        },
        {
            "kubectl -n cap create priorityclass zero --value=0",
            "6b3873000a250a147363686564756c696e672e6b38732e696f2f7631120d5072696f72697479436c61737312320a140a047a" +
            "65726f12001a0022002a003200380042001000180022002a14507265656d70744c6f7765725072696f726974791a002200",
            """
            {"kind": "PriorityClass", "apiVersion": "scheduling.k8s.io/v1", "metadata": {"name": "zero"}, "value": 0, "preemptionPolicy": "PreemptLowerPriority"}
            """
        },
        {
            "kubectl -n cap create ingress web --class=nginx --rule=foo.com/bar*=svc:80,tls=foo-tls --rule=/exact=other:http --default-backend=def:8080 --annotation=a=b",
            "6b3873000a1f0a146e6574776f726b696e672e6b38732e696f2f76311207496e677265737312ae010a1e0a0377656212001a" +
            "0363617022002a0032003800420062060a01611201621287010a0e220c0a0364656612050a0010903f12120a07666f6f2e63" +
            "6f6d1207666f6f2d746c731a2c0a07666f6f2e636f6d12210a1f0a1d0a042f626172120d220b0a0373766312040a0010501a" +
            "065072656669781a2c0a0012280a260a240a062f6578616374121322110a056f7468657212080a046874747010001a054578" +
            "61637422056e67696e781a020a001a002200",
            """
            {"kind": "Ingress", "apiVersion": "networking.k8s.io/v1", "metadata": {"name": "web", "namespace": "cap", "annotations": {"a": "b"}}, "spec": {"ingressClassName": "nginx", "defaultBackend": {"service": {"name": "def", "port": {"number": 8080}}}, "tls": [{"hosts": ["foo.com"], "secretName": "foo-tls"}], "rules": [{"host": "foo.com", "http": {"paths": [{"path": "/bar", "pathType": "Prefix", "backend": {"service": {"name": "svc", "port": {"number": 80}}}}]}}, {"http": {"paths": [{"path": "/exact", "pathType": "Exact", "backend": {"service": {"name": "other", "port": {"name": "http"}}}}]}}]}}
            """
        },
        {
            "kubectl -n cap create poddisruptionbudget web --selector=app=web --min-available=50%",
            "6b3873000a200a09706f6c6963792f76311213506f6444697372757074696f6e427564676574123f0a160a0377656212001a" +
            "0363617022002a0032003800420012190a09080110001a03353025120c0a0a0a0361707012037765621a0a08001800200028" +
            "0030001a002200",
            """
            {"kind": "PodDisruptionBudget", "apiVersion": "policy/v1", "metadata": {"name": "web", "namespace": "cap"}, "spec": {"minAvailable": "50%", "selector": {"matchLabels": {"app": "web"}}}}
            """
        },
        {
            "kubectl -n cap create poddisruptionbudget api --selector=app=api --max-unavailable=1",
            "6b3873000a200a09706f6c6963792f76311213506f6444697372757074696f6e427564676574123c0a160a0361706912001a" +
            "0363617022002a003200380042001216120c0a0a0a0361707012036170691a06080010011a001a0a08001800200028003000" +
            "1a002200",
            """
            {"kind": "PodDisruptionBudget", "apiVersion": "policy/v1", "metadata": {"name": "api", "namespace": "cap"}, "spec": {"selector": {"matchLabels": {"app": "api"}}, "maxUnavailable": 1}}
            """
        },
        {
            "kubectl -n cap create token robot --duration=30m --audience=vault",
            "6b3873000a280a1861757468656e7469636174696f6e2e6b38732e696f2f7631120c546f6b656e5265717565737412240a10" +
            "0a0012001a0022002a00320038004200120a0a057661756c7420880e1a040a0012001a002200",
            """
            {"kind": "TokenRequest", "apiVersion": "authentication.k8s.io/v1", "spec": {"audiences": ["vault"], "expirationSeconds": 1800}}
            """
        },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void CreateGeneratorBodyDecodesToKubectlsObject(string command, string bodyHex, string expectedJson)
    {
        Assert.StartsWith("kubectl", command, StringComparison.Ordinal);
        ProtobufJsonAssert.Equal(expectedJson, KubeProtobuf.DecodeObject(Convert.FromHexString(bodyHex)));
    }
}
