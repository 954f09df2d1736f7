using System.Globalization;
using PSKube.Client.Models;
using PSKube.Client.Validation;

namespace PSKube.Client.Manifests.Generators;

/// <summary>Builds the TokenRequest <c>kubectl create token</c> sends to a service account's token subresource, after kubectl's checks.</summary>
public static class TokenRequestGenerator
{
    // The kinds a token can be bound to, and their apiVersion (kubectl create token's list).
    private static readonly Dictionary<string, string> BoundKinds = new(StringComparer.Ordinal)
    {
        ["Node"] = "v1",
        ["Pod"] = "v1",
        ["Secret"] = "v1",
    };

    /// <summary>The TokenRequest for <paramref name="options"/>; bad input is a <see cref="KubeInputException"/>.</summary>
    public static TokenRequest Generate(TokenRequestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var durationParameter = options.Parameter(nameof(TokenRequestOptions.Duration));
        var audienceParameter = options.Parameter(nameof(TokenRequestOptions.Audiences));
        var kindParameter = options.Parameter(nameof(TokenRequestOptions.BoundObjectKind));
        var nameParameter = options.Parameter(nameof(TokenRequestOptions.BoundObjectName));
        var uidParameter = options.Parameter(nameof(TokenRequestOptions.BoundObjectUid));

        long? seconds = null;
        if (options.Duration is { } duration)
        {
            if (duration < TimeSpan.Zero)
            {
                throw new KubeInputException($"{durationParameter} is {duration.ToString("c", CultureInfo.InvariantCulture)}, but it cannot be negative. Give a lifetime such as 10m or 1h, or leave it out for the server's default.", durationParameter);
            }
            if (duration.Ticks % TimeSpan.TicksPerSecond != 0)
            {
                throw new KubeInputException($"{durationParameter} is {duration.ToString("c", CultureInfo.InvariantCulture)}, but a token's lifetime is whole seconds. Give e.g. 10m, 1h or 3600s.", durationParameter);
            }
            seconds = duration == TimeSpan.Zero ? null : duration.Ticks / TimeSpan.TicksPerSecond;
        }

        var audiences = options.Audiences ?? [];
        if (audiences.Any(string.IsNullOrEmpty))
        {
            throw new KubeInputException($"{audienceParameter} contains an empty audience. Give each audience the token is for, e.g. 'https://vault.example.com', or leave it out for the API server.", audienceParameter);
        }

        BoundObjectReference? bound = null;
        if (string.IsNullOrEmpty(options.BoundObjectKind))
        {
            if (!string.IsNullOrEmpty(options.BoundObjectName) || !string.IsNullOrEmpty(options.BoundObjectUid))
            {
                var given = string.IsNullOrEmpty(options.BoundObjectName) ? uidParameter : nameParameter;
                throw new KubeInputException($"{given} needs {kindParameter}: give the bound object's kind too (Pod, Secret or Node).", given);
            }
        }
        else
        {
            if (!BoundKinds.TryGetValue(options.BoundObjectKind, out var apiVersion))
            {
                var caseOnly = BoundKinds.Keys.FirstOrDefault(k => string.Equals(k, options.BoundObjectKind, StringComparison.OrdinalIgnoreCase));
                var hint = caseOnly is null ? "" : $" (write it '{caseOnly}')";
                throw new KubeInputException($"A token cannot be bound to a {options.BoundObjectKind}{hint}. Give {kindParameter} one of: {string.Join(", ", BoundKinds.Keys)}.", kindParameter);
            }
            if (string.IsNullOrEmpty(options.BoundObjectName))
            {
                throw new KubeInputException($"{kindParameter} needs {nameParameter}: give the name of the {options.BoundObjectKind} the token is bound to.", nameParameter);
            }
            bound = new BoundObjectReference { Kind = options.BoundObjectKind, ApiVersion = apiVersion, Name = options.BoundObjectName, Uid = string.IsNullOrEmpty(options.BoundObjectUid) ? null : options.BoundObjectUid };
        }

        return new TokenRequest
        {
            ApiVersion = "authentication.k8s.io/v1",
            Kind = "TokenRequest",
            Spec = new TokenRequestSpec
            {
                Audiences = audiences.Count == 0 ? null : [.. audiences],
                ExpirationSeconds = seconds,
                BoundObjectRef = bound,
            },
        };
    }
}
