using PSKube.Client.Models;
using PSKube.Client.Waiting;

namespace PSKube.Client.Tests.Waiting;

public sealed class WaitingJobCompletionTests
{
    private static Job Job(string status) => KubeJson.Deserialize<Job>($$"""{"metadata":{"name":"pi"},"spec":{"completions":5},"status":{{status}}}""")!;

    [Fact]
    public void Waiting_JobRunningReportsItsCounts()
    {
        var completion = JobCompletion.Of(Job("""{"active":2,"succeeded":1,"failed":1}"""));
        Assert.False(completion.Finished);
        Assert.Equal("Waiting for job \"pi\" to complete: 1 of 5 succeeded, 2 active, 1 failed...", completion.Message);
    }

    [Fact]
    public void Waiting_JobCompleteConditionEndsIt()
    {
        var completion = JobCompletion.Of(Job("""{"succeeded":5,"conditions":[{"type":"SuccessCriteriaMet","status":"True"},{"type":"Complete","status":"True"}]}"""));
        Assert.True(completion.Finished);
        Assert.False(completion.Failed);
    }

    [Fact]
    public void Waiting_JobFailedConditionNamesTheReasonAndMessage()
    {
        var completion = JobCompletion.Of(Job("""
            {"failed":7,"conditions":[{"type":"FailureTarget","status":"True"},
             {"type":"Failed","status":"True","reason":"BackoffLimitExceeded","message":"Job has reached the specified backoff limit"}]}
            """));
        Assert.True(completion.Failed);
        Assert.Equal("job \"pi\" failed (BackoffLimitExceeded): Job has reached the specified backoff limit", completion.Message);
    }

    [Fact]
    public void Waiting_JobConditionsThatAreNotTrueDoNotEndIt() =>
        Assert.False(JobCompletion.Of(Job("""{"active":1,"conditions":[{"type":"Complete","status":"False"},{"type":"Failed","status":"False"}]}""")).Finished);
}
