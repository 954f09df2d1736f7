using System.Text.Json.Serialization;

namespace PSKube.Client.Models;

// What kubectl get rolebindings -o wide shows, as plain properties.
public sealed partial class RoleBinding
{
    /// <summary>The ROLE column: the role granted, as KIND/NAME (<c>Role/pod-reader</c>, <c>ClusterRole/view</c>).</summary>
    [JsonIgnore]
    public string Role => BindingSubjects.RoleOf(RoleRef);

    /// <summary>The USERS column: the users granted the role, comma separated.</summary>
    [JsonIgnore]
    public string Users => BindingSubjects.Names(Subjects, "User");

    /// <summary>The GROUPS column: the groups granted the role, comma separated.</summary>
    [JsonIgnore]
    public string Groups => BindingSubjects.Names(Subjects, "Group");

    /// <summary>The SERVICEACCOUNTS column: the service accounts granted the role, each NAMESPACE/NAME, comma separated.</summary>
    [JsonIgnore]
    public string ServiceAccounts => BindingSubjects.Names(Subjects, "ServiceAccount");
}

// What kubectl get clusterrolebindings -o wide shows, as plain properties.
public sealed partial class ClusterRoleBinding
{
    /// <summary>The ROLE column: the cluster role granted, as <c>ClusterRole/NAME</c>.</summary>
    [JsonIgnore]
    public string Role => BindingSubjects.RoleOf(RoleRef);

    /// <summary>The USERS column: the users granted the role, comma separated.</summary>
    [JsonIgnore]
    public string Users => BindingSubjects.Names(Subjects, "User");

    /// <summary>The GROUPS column: the groups granted the role, comma separated.</summary>
    [JsonIgnore]
    public string Groups => BindingSubjects.Names(Subjects, "Group");

    /// <summary>The SERVICEACCOUNTS column: the service accounts granted the role, each NAMESPACE/NAME, comma separated.</summary>
    [JsonIgnore]
    public string ServiceAccounts => BindingSubjects.Names(Subjects, "ServiceAccount");
}

/// <summary>How kubectl prints a binding's role and subjects (printers.go and rbac.SubjectsStrings).</summary>
internal static class BindingSubjects
{
    public static string RoleOf(RoleRef? roleRef) => $"{roleRef?.Kind}/{roleRef?.Name}";

    public static string Names(IReadOnlyList<Subject>? subjects, string kind) =>
        string.Join(", ", (subjects ?? []).Where(s => s.Kind == kind)
            .Select(s => kind == "ServiceAccount" ? $"{s.Namespace}/{s.Name}" : s.Name ?? ""));
}
