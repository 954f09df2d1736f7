namespace PSKube.Client.Printing;

/// <summary>Column definitions that many kinds share.</summary>
internal static class PrintColumns
{
    public static readonly PrintColumn Name = new("Name", "string", "name", "The object's name, unique within its namespace.", 0);

    public static readonly PrintColumn Age = new("Age", "string", string.Empty, "How long ago the object was created.", 0);

    public static readonly PrintColumn Containers = Wide("Containers", "The names of the containers in the pod template.");

    public static readonly PrintColumn Images = Wide("Images", "The images of the containers in the pod template.");

    public static readonly PrintColumn Selector = Wide("Selector", "The label selector that picks the pods this object manages.");

    public static PrintColumn Text(string name, string description) => new(name, "string", string.Empty, description, 0);

    public static PrintColumn Integer(string name, string description) => new(name, "integer", string.Empty, description, 0);

    public static PrintColumn Wide(string name, string description) => new(name, "string", string.Empty, description, 1);
}
