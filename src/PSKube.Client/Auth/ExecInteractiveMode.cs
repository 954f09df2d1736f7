namespace PSKube.Client.Auth;

/// <summary>An exec plugin's <c>interactiveMode</c>: whether it may, or must, talk to the user on the terminal.</summary>
public enum ExecInteractiveMode
{
    Never,
    IfAvailable,
    Always,
}
