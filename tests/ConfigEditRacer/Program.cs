using System.Globalization;
using PSKube.Client.Config;

// Usage: PSKube.ConfigEditRacer KUBECONFIG PREFIX COUNT LOCK-TIMEOUT-SECONDS
// Makes COUNT edits, each on a fresh load of the file as separate PSKube commands would: edit i sets the namespace of
// the context PREFIX-i to ns-i, adding the context when it is not there (the tests create the odd ones beforehand, so
// both new entries and changes to existing ones race). Prints "ready" and waits for a line on standard input first,
// so that every racer starts at once.
if (args.Length != 4)
{
    Console.Error.WriteLine("usage: PSKube.ConfigEditRacer KUBECONFIG PREFIX COUNT LOCK-TIMEOUT-SECONDS");
    return 2;
}
var (path, prefix) = (args[0], args[1]);
var count = int.Parse(args[2], CultureInfo.InvariantCulture);
var lockTimeout = TimeSpan.FromSeconds(double.Parse(args[3], CultureInfo.InvariantCulture));
var loader = new KubeConfigLoader();

Console.WriteLine("ready");
Console.In.ReadLine();
for (var i = 0; i < count; i++)
{
    KubeConfigEditor.SetContext(loader.Load(path), $"{prefix}-{i}", cluster: "racers", user: "racers", @namespace: $"ns-{i}", lockTimeout: lockTimeout);
}
return 0;
