using System.Security.Cryptography;

namespace PSKube.Client.Manifests.Generators;

/// <summary>Random name suffixes from the alphabet Kubernetes uses for generated names (no vowels, no 0/1/3).</summary>
internal static class RandomSuffix
{
    public const int Length = 5;

    private const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static string Next() => RandomNumberGenerator.GetString(Alphabet, Length);
}
