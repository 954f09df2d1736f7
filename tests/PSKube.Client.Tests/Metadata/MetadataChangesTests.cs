using PSKube.Client.Metadata;
using PSKube.Client.Models;
using PSKube.Client.Validation;

namespace PSKube.Client.Tests.Metadata;

/// <summary>kubectl label / annotate's changes: parsed and checked before any request, then planned against an object.</summary>
public sealed class MetadataChangesTests
{
    private static Pod Labelled(Dictionary<string, string>? labels, Dictionary<string, string>? annotations = null) =>
        new() { Kind = "Pod", Metadata = new ObjectMeta { Name = "bar", Labels = labels, Annotations = annotations } };

    [Fact]
    public void Parse_SetsAndRemovals_InTheOrderTyped()
    {
        var changes = MetadataChanges.Parse(MetadataField.Labels, ["color=red", "team-", "empty="], "Label");
        Assert.Equal(["color", "empty"], changes.Set.Keys);
        Assert.Equal("", changes.Set["empty"]);
        Assert.Equal(["team"], changes.Remove);
    }

    [Theory]
    [InlineData("color", "is not a label change")]
    [InlineData("=red", "is not a label change")]
    [InlineData("-", "is not a label change")]
    [InlineData("a=b-", "invalid label value")]
    [InlineData("a=has space", "invalid label value")]
    [InlineData("Bad Key=x", "invalid label key")]
    public void Parse_RefusesWhatKubectlRefuses_NamingTheParameter(string change, string message)
    {
        var refused = Assert.Throws<KubeInputException>(() => MetadataChanges.Parse(MetadataField.Labels, [change], "Label"));
        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
        Assert.Equal("Label", refused.ParameterName);
    }

    [Fact]
    public void Parse_AnnotationValuesAreFreeText_ButKeysAreChecked()
    {
        var changes = MetadataChanges.Parse(MetadataField.Annotations, ["note=rolled back: see #42 = done"], "Annotation");
        Assert.Equal("rolled back: see #42 = done", changes.Set["note"]);
        Assert.Throws<KubeInputException>(() => MetadataChanges.Parse(MetadataField.Annotations, ["bad key=x"], "Annotation"));
    }

    [Fact]
    public void Parse_RefusesAKeyBothSetAndRemoved() =>
        Assert.Contains("can not both modify and remove", Assert.Throws<KubeInputException>(() =>
            MetadataChanges.Parse(MetadataField.Labels, ["a=b", "a-"], "Label")).Message, StringComparison.Ordinal);

    [Fact]
    public void Plan_PatchesOnlyWhatDiffers_AsAMergePatchOfTheField()
    {
        var changes = MetadataChanges.Parse(MetadataField.Labels, ["color=red", "run=bar", "team-", "gone-"], "Label");
        var plan = changes.Plan(Labelled(new() { ["run"] = "bar", ["team"] = "shop" }), overwrite: false);
        Assert.Equal("""{"metadata":{"labels":{"color":"red","team":null}}}""", plan.Patch!.ToJsonString());
        Assert.Equal(["gone"], plan.Missing);
        Assert.Equal("labeled", plan.Outcome);
    }

    [Fact]
    public void Plan_ADifferentValueNeedsOverwrite_TheSameValueDoesNot()
    {
        var changes = MetadataChanges.Parse(MetadataField.Labels, ["color=blue"], "Label");
        var refused = Assert.Throws<MetadataOverwriteException>(() => changes.Plan(Labelled(new() { ["color"] = "red" }), overwrite: false));
        Assert.Equal("label 'color' already has a value (red); add -Overwrite to change it.", refused.Message);
        Assert.Equal("""{"metadata":{"labels":{"color":"blue"}}}""", changes.Plan(Labelled(new() { ["color"] = "red" }), overwrite: true).Patch!.ToJsonString());
        var same = changes.Plan(Labelled(new() { ["color"] = "blue" }), overwrite: false);
        Assert.Null(same.Patch);
        Assert.Equal("not labeled", same.Outcome);
    }

    [Fact]
    public void Plan_OnlyRemovals_Unlabel_AndAnnotationsUseTheirField()
    {
        Assert.Equal("unlabeled", MetadataChanges.Parse(MetadataField.Labels, ["color-"], "Label").Plan(Labelled(new() { ["color"] = "red" }), false).Outcome);
        var plan = MetadataChanges.Parse(MetadataField.Annotations, ["note=x"], "Annotation").Plan(Labelled(null), false);
        Assert.Equal("""{"metadata":{"annotations":{"note":"x"}}}""", plan.Patch!.ToJsonString());
        Assert.Equal("annotated", plan.Outcome);
    }

    [Fact]
    public void Plan_ALongValueIsShortenedInTheMessage()
    {
        var manifest = new string('x', 500);
        var changes = MetadataChanges.Parse(MetadataField.Annotations, ["kubectl.kubernetes.io/last-applied-configuration=y"], "Annotation");
        var refused = Assert.Throws<MetadataOverwriteException>(() =>
            changes.Plan(Labelled(null, new() { ["kubectl.kubernetes.io/last-applied-configuration"] = manifest }), false));
        Assert.True(refused.Message.Length < 200);
    }
}
