using System.Collections;
using PSKube.Client.Validation;

namespace PSKube.Client.Tests.Validation;

public sealed class LabelValidationTests
{
    [Fact]
    public void Validation_LabelsFromAHashtableBecomeText()
    {
        var labels = LabelValidation.ToLabels(new Hashtable { ["team"] = "shop", ["tier"] = 3, ["size"] = 1.5, ["empty"] = null });
        Assert.Equal(new Dictionary<string, string> { ["team"] = "shop", ["tier"] = "3", ["size"] = "1.5", ["empty"] = "" }, labels);
        Assert.Empty(LabelValidation.Validate(new Hashtable { ["example.com/team"] = "shop", ["tier"] = "" }));
    }

    [Fact]
    public void Validation_BadLabelKeysAndValuesSayWhichAndWhy()
    {
        var errors = LabelValidation.Validate(new Hashtable { ["bad key"] = "ok", ["team"] = "no spaces" });
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("label key \"bad key\": name part must consist of alphanumeric characters", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("value \"no spaces\" of label team: a valid label must be", StringComparison.Ordinal));
    }
}
