using PSKube.Client.Editing;

namespace PSKube.Client.Tests.Editing;

/// <summary>Which editor kubectl edit opens and how it runs it, from the environment.</summary>
public sealed class EditorCommandTests
{
    private static EditorCommand From(Dictionary<string, string> variables, bool windows = false) =>
        EditorCommand.FromEnvironment(name => variables.GetValueOrDefault(name), windows);

    [Fact]
    public void KubeEditor_ComesFirst_ThenVisual_ThenEditor()
    {
        Assert.Equal("nano", From(new() { ["KUBE_EDITOR"] = "nano", ["VISUAL"] = "vim", ["EDITOR"] = "ed" }).Text);
        Assert.Equal("vim", From(new() { ["KUBE_EDITOR"] = "", ["VISUAL"] = "vim", ["EDITOR"] = "ed" }).Text);
        Assert.Equal("ed", From(new() { ["EDITOR"] = "ed" }).Text);
    }

    [Fact]
    public void WithoutAny_ViOnUnix_NotepadOnWindows()
    {
        Assert.Equal(["vi", "/tmp/f.yaml"], From([]).CommandLineFor("/tmp/f.yaml"));
        Assert.Equal(["notepad", @"C:\t\f.yaml"], From([], windows: true).CommandLineFor(@"C:\t\f.yaml"));
    }

    [Fact]
    public void AnEditorWithArguments_IsSplitOnItsSpaces()
    {
        var editor = From(new() { ["KUBE_EDITOR"] = "code  --wait" });
        Assert.False(editor.ViaShell);
        Assert.Equal(["code", "--wait", "/tmp/f.yaml"], editor.CommandLineFor("/tmp/f.yaml"));
    }

    [Fact]
    public void QuotesOrBackslashes_GoThroughTheShell_WithThePathQuoted()
    {
        var editor = From(new() { ["KUBE_EDITOR"] = "'/opt/my editor/bin/ed' -w", ["SHELL"] = "/bin/zsh" });
        Assert.True(editor.ViaShell);
        Assert.Equal(["/bin/zsh", "-c", "'/opt/my editor/bin/ed' -w \"/tmp/a \\\"b\\\".yaml\""], editor.CommandLineFor("/tmp/a \"b\".yaml"));
        Assert.Equal("/bin/bash", From(new() { ["EDITOR"] = "ed \"x\"" }).CommandLineFor("f")[0]);
        Assert.Equal(["cmd", "/C", "C:\\Program Files\\ed.exe -w \"f\""], From(new() { ["EDITOR"] = "C:\\Program Files\\ed.exe -w" }, windows: true).CommandLineFor("f"));
    }

    [Fact]
    public async Task AnEditorThatFails_IsAnEditorException()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var failing = From(new() { ["KUBE_EDITOR"] = "false" });
        Assert.Contains("exited with code 1", (await Assert.ThrowsAsync<EditorException>(() => failing.EditAsync("/tmp/none.yaml", CancellationToken.None))).Message, StringComparison.Ordinal);
        var missing = From(new() { ["KUBE_EDITOR"] = "/nonexistent/editor" });
        Assert.Contains("could not be started", (await Assert.ThrowsAsync<EditorException>(() => missing.EditAsync("/tmp/none.yaml", CancellationToken.None))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EditFile_CommentsAreIgnored_AndReasonsAreCommentsAtTheTop()
    {
        var text = EditFile.Compose([new EditReason("pods \"web\" was not valid", ["spec: Forbidden: no\n  spec.x: 1 -> 2"])], "kind: Pod\n");
        Assert.Equal("""
            # Please edit the object below. Lines beginning with a '#' will be ignored,
            # and an empty file will abort the edit. If an error occurs while saving this file will be
            # reopened with the relevant failures.
            #
            # pods "web" was not valid:
            # * spec: Forbidden: no
            #   spec.x: 1 -> 2
            #
            kind: Pod

            """.ReplaceLineEndings("\n"), text);
        Assert.Equal("kind: Pod\n", EditFile.WithoutComments(text));
    }
}
