using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using PSKube.Client.Validation;
using PSKube.FakeCluster.Workloads.Controllers;

namespace PSKube.FakeCluster.Api;

/// <summary>
/// The API server's validation of a Service's spec, with its fields and wording: ports (required unless headless or
/// ExternalName, named when several, names unique DNS-1123 labels, numbers and target ports in range, node ports
/// only where a node port can be), the external name of an ExternalName Service, and its cluster IP (an address,
/// None only for ClusterIP Services, none at all for ExternalName ones). Runs after defaults, before allocation.
/// </summary>
public static class ServiceValidation
{
    private const int MaxPortNameLength = 15;

    /// <summary>Throws the API server's 422 refusal when <paramref name="service"/> is not valid.</summary>
    public static void Validate(JsonObject service)
    {
        var causes = new List<(string Field, string Reason, string Message)>();
        var spec = service["spec"] as JsonObject ?? [];
        var type = (string?)spec["type"] ?? "ClusterIP";
        var clusterIP = (string?)spec["clusterIP"] ?? (string?)(spec["clusterIPs"] as JsonArray)?.FirstOrDefault();
        var headless = clusterIP == "None";
        var ports = (spec["ports"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];

        if (ports.Count == 0 && !headless && type != "ExternalName")
        {
            causes.Add(("spec.ports", "FieldValueRequired", "Required value"));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var portsAndProtocols = new HashSet<(long, string)>();
        var nodePorts = new HashSet<(long, string)>();
        for (var i = 0; i < ports.Count; i++)
        {
            var path = $"spec.ports[{i}]";
            var port = ports[i];
            var name = (string?)port["name"] ?? "";
            if (name.Length == 0 && ports.Count > 1)
            {
                causes.Add(($"{path}.name", "FieldValueRequired", "Required value"));
            }
            else if (name.Length > 0 && NameValidation.ValidateDns1123Label(name) is { Count: > 0 } nameErrors)
            {
                causes.Add(($"{path}.name", "FieldValueInvalid", $"Invalid value: \"{name}\": {string.Join("; ", nameErrors)}"));
            }
            else if (name.Length > 0 && !names.Add(name))
            {
                causes.Add(($"{path}.name", "FieldValueDuplicate", $"Duplicate value: \"{name}\""));
            }

            var number = ObjectFields.Long(port["port"]);
            if (number is < 1 or > 65535)
            {
                causes.Add(($"{path}.port", "FieldValueInvalid", $"Invalid value: {number}: must be between 1 and 65535, inclusive"));
            }

            var protocol = (string?)port["protocol"] ?? "TCP";
            if (!portsAndProtocols.Add((number, protocol)))
            {
                causes.Add(($"{path}", "FieldValueDuplicate", $"Duplicate value: port {number}/{protocol}"));
            }

            if (TargetPortProblem(port["targetPort"]) is { } targetProblem)
            {
                causes.Add(($"{path}.targetPort", "FieldValueInvalid", targetProblem));
            }

            var nodePort = ObjectFields.Long(port["nodePort"]);
            if (nodePort != 0 && type == "ClusterIP")
            {
                causes.Add(($"{path}.nodePort", "FieldValueForbidden", "Forbidden: may not be used when `type` is 'ClusterIP'"));
            }
            else if (nodePort != 0 && !nodePorts.Add((nodePort, protocol)))
            {
                causes.Add(($"{path}.nodePort", "FieldValueDuplicate", $"Duplicate value: node port {nodePort}/{protocol}"));
            }
        }

        if (type == "ExternalName")
        {
            var externalName = ((string?)spec["externalName"] ?? "").TrimEnd('.');
            if (externalName.Length == 0)
            {
                causes.Add(("spec.externalName", "FieldValueRequired", "Required value"));
            }
            else if (NameValidation.ValidateDns1123Subdomain(externalName) is { Count: > 0 } errors)
            {
                causes.Add(("spec.externalName", "FieldValueInvalid", $"Invalid value: \"{externalName}\": {string.Join("; ", errors)}"));
            }

            if (!string.IsNullOrEmpty(clusterIP))
            {
                causes.Add(("spec.clusterIPs", "FieldValueForbidden", "Forbidden: may not be set for ExternalName services"));
            }
        }
        else if (headless && type is "NodePort" or "LoadBalancer")
        {
            causes.Add(("spec.clusterIPs[0]", "FieldValueInvalid", $"Invalid value: \"None\": may not be set to 'None' for {type} services"));
        }
        else if (!string.IsNullOrEmpty(clusterIP) && !headless && !IPAddress.TryParse(clusterIP, out _))
        {
            causes.Add(("spec.clusterIPs[0]", "FieldValueInvalid", $"Invalid value: \"{clusterIP}\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"));
        }

        if (causes.Count > 0)
        {
            throw StatusError.Invalid("Service", "", (string?)service["metadata"]?["name"] ?? "", causes);
        }
    }

    // A number in range, or an IANA service name: at most 15 lowercase letters, digits and '-', with a letter, no '--'.
    private static string? TargetPortProblem(JsonNode? targetPort)
    {
        if (targetPort is null)
        {
            return null;
        }

        if (targetPort.GetValueKind() == JsonValueKind.Number)
        {
            var number = ObjectFields.Long(targetPort);
            return number is >= 1 and <= 65535 ? null : $"Invalid value: {number}: must be between 1 and 65535, inclusive";
        }

        var name = targetPort.GetValueKind() == JsonValueKind.String ? targetPort.GetValue<string>() : targetPort.ToJsonString();
        var valid = name.Length is > 0 and <= MaxPortNameLength
            && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            && name.Any(char.IsAsciiLetterLower)
            && !name.StartsWith('-') && !name.EndsWith('-') && !name.Contains("--", StringComparison.Ordinal);
        return valid ? null : $"Invalid value: \"{name}\": must be no more than 15 characters, contain only lowercase letters, digits and '-', contain at least one letter, and not begin or end with '-' or contain '--'";
    }
}
