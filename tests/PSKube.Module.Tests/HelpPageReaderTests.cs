using PSKube.HelpGenerator;

namespace PSKube.Module.Tests;

/// <summary>The help generator's reading of PlatyPS markdown pages, on small pages written here.</summary>
public sealed class HelpPageReaderTests
{
    private const string Page = """
        ---
        external help file: PSKube.dll-Help.xml
        Module Name: PSKube
        schema: 2.0.0
        ---

        # Remove-KubeThing

        ## SYNOPSIS
        Deletes things.

        ## SYNTAX

        ### Name (Default)
        ```
        Remove-KubeThing [-Name] <String[]> [-Force] [<CommonParameters>]
        ```

        ### All
        ```
        Remove-KubeThing -All [-Force] [<CommonParameters>]
        ```

        ## DESCRIPTION
        Deletes things as
        kubectl does.

        A [missing](Get-KubeThing.md) thing is an error.

        ## EXAMPLES

        ### Example 1: Delete a thing
        ```powershell
        PS> Remove-KubeThing web
        # a comment, not a heading
        ```

        The same as `kubectl delete thing web`.

        ### Example 2: Delete every thing
        ```powershell
        PS> Remove-KubeThing -All
        ```

        ## PARAMETERS

        ### -Force
        Deletes at once.

        ```yaml
        Type: SwitchParameter
        Parameter Sets: (All)
        Aliases: f, now

        Required: False
        Position: Named
        Default value: False
        Accept pipeline input: False
        Accept wildcard characters: False
        ```

        ### -Name
        The things to delete.

        ```yaml
        Type: String[]
        Parameter Sets: Name
        Aliases:

        Required: True
        Position: 0
        Default value: None
        Accept pipeline input: True (ByPropertyName)
        Accept wildcard characters: True
        ```

        ### -All
        Every thing.

        ```yaml
        Type: SwitchParameter
        Parameter Sets: All
        Aliases:

        Required: True
        Position: Named
        Default value: False
        Accept pipeline input: False
        Accept wildcard characters: False
        ```

        ### CommonParameters
        This cmdlet supports the common parameters.

        ## INPUTS

        ### System.String
        The Name of piped objects.

        ## OUTPUTS

        ### None
        This cmdlet outputs nothing.

        ## NOTES
        Equivalent of `kubectl delete thing`.

        ## RELATED LINKS

        [Get-KubeThing](Get-KubeThing.md)

        [Kubernetes](https://kubernetes.io/docs/)
        """;

    [Fact]
    public void Help_ReaderReadsNameSynopsisAndDescriptionParagraphs()
    {
        var help = CommandPageReader.Read(Page);
        Assert.Equal(("Remove-KubeThing", "Remove", "KubeThing"), (help.Name, help.Verb, help.Noun));
        Assert.Equal("Deletes things.", help.Synopsis);
        // Wrapped lines are joined, and a link reads as its text.
        Assert.Equal(["Deletes things as kubectl does.", "A missing thing is an error."], help.Description);
        Assert.Equal(["Equivalent of `kubectl delete thing`."], help.Notes);
    }

    [Fact]
    public void Help_ReaderReadsExamplesWithCodeAndRemarks_KeepingHashLinesInCodeAsCode()
    {
        var examples = CommandPageReader.Read(Page).Examples;
        Assert.Equal(2, examples.Count);
        Assert.Equal((1, "Delete a thing"), (examples[0].Number, examples[0].Title));
        Assert.Equal("PS> Remove-KubeThing web\n# a comment, not a heading", examples[0].Code);
        Assert.Equal(["The same as `kubectl delete thing web`."], examples[0].Remarks);
        Assert.Empty(examples[1].Remarks);
    }

    [Fact]
    public void Help_ReaderReadsEachParametersYamlBlock_AndSkipsCommonParameters()
    {
        var parameters = CommandPageReader.Read(Page).Parameters;
        Assert.Equal(["Force", "Name", "All"], parameters.Select(p => p.Name));
        var force = parameters[0];
        Assert.Equal(["Deletes at once."], force.Description);
        Assert.True(force.IsSwitch);
        Assert.Equal(["f", "now"], force.Aliases);
        Assert.Equal(["(All)"], force.ParameterSets);
        Assert.Null(force.Position);
        var name = parameters[1];
        Assert.Equal(("String[]", true, 0, "None", "True (ByPropertyName)", true), (name.Type, name.Required, name.Position, name.DefaultValue, name.PipelineInput, name.Wildcards));
        Assert.Empty(name.Aliases);
    }

    [Fact]
    public void Help_ReaderReadsTypesAndLinks()
    {
        var help = CommandPageReader.Read(Page);
        Assert.Equal([new TypeHelp("System.String", ["The Name of piped objects."])], help.Inputs, TypeHelpComparer);
        Assert.Equal("None", help.Outputs.Single().TypeName);
        // A link to another page is a command name; only a web address is kept as an address.
        Assert.Equal([new RelatedLink("Get-KubeThing", ""), new RelatedLink("Kubernetes", "https://kubernetes.io/docs/")], help.RelatedLinks);
    }

    [Fact]
    public void Help_SyntaxHasOneLinePerParameterSet_PositionalParametersFirst()
    {
        var syntaxes = CommandPageReader.Read(Page).Syntaxes().Select(s => (s.ParameterSet, string.Join(' ', s.Parameters.Select(p => p.Name)))).ToList();
        Assert.Equal([("Name", "Name Force"), ("All", "Force All")], syntaxes);
    }

    [Fact]
    public void Help_SyntaxOfAPageWithoutParameterSetsHoldsEveryParameter()
    {
        var page = Page.Replace("### Name (Default)", "", StringComparison.Ordinal).Replace("### All\n", "", StringComparison.Ordinal);
        var syntax = Assert.Single(CommandPageReader.Read(page).Syntaxes());
        Assert.Equal(["Name", "Force", "All"], syntax.Parameters.Select(p => p.Name));
    }

    [Theory]
    [InlineData("## SYNOPSIS\nDeletes things.\n", "", "Remove-KubeThing: the page has no '## SYNOPSIS' section")]
    [InlineData("Position: 0", "Position: first", "Remove-KubeThing: -Name has Position 'first': write a number or Named")]
    [InlineData("Required: True\nPosition: 0", "Required: yes\nPosition: 0", "Remove-KubeThing: -Name has 'Required: yes': write True or False")]
    [InlineData("### Example 2: Delete every thing", "### Second example", "Remove-KubeThing: '### Second example' is not an '### Example N: title' heading")]
    [InlineData("Accept wildcard characters: True\n", "", "Remove-KubeThing: the yaml block of -Name has no 'Accept wildcard characters:'")]
    [InlineData("### System.String\n", "", "Remove-KubeThing: '## INPUTS' has no '### TypeName' heading (write ### None when there is none)")]
    public void Help_ReaderRejectsAPageThatStraysFromTheStructure_SayingWhatIsWrong(string original, string replacement, string message)
    {
        Assert.Contains(original, Page, StringComparison.Ordinal);
        var error = Assert.Throws<InvalidDataException>(() => CommandPageReader.Read(Page.Replace(original, replacement, StringComparison.Ordinal)));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Help_AboutTopicIsPlainTextWithIndentedSections()
    {
        var text = AboutTopicWriter.Write("# about_Thing\n\n## SHORT DESCRIPTION\nThings, [linked](x.md).\n\n## Long description\nFirst line.\n\n    Get-KubeThing\n");
        Assert.Equal("TOPIC\n    about_Thing\n\nSHORT DESCRIPTION\n    Things, linked.\n\nLONG DESCRIPTION\n    First line.\n\n        Get-KubeThing\n", text);
    }

    private static readonly IEqualityComparer<TypeHelp> TypeHelpComparer =
        EqualityComparer<TypeHelp>.Create((a, b) => a!.TypeName == b!.TypeName && a.Description.SequenceEqual(b.Description));
}
