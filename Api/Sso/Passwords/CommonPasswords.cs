using System.Reflection;

namespace Api.Sso.Passwords;

/// <summary>
/// Passwords that attackers try first (NIST SP 800-63B 5.1.1.2, ASVS V2.1.7): a list bundled
/// with the Api (see README.md beside the list), so the check needs no network and reveals no
/// password to anyone. Loaded once, on first use.
/// </summary>
public sealed class CommonPasswords
{
    public const string Refusal =
        "This password is too common: it is on the lists of passwords that attackers try first. Choose another one; a short sentence of your own is easy to remember.";

    private const string ResourceName = "Api.Sso.Passwords.common-passwords.txt";

    private static readonly Lazy<CommonPasswords> Loaded = new(Load);

    private readonly HashSet<string> passwords;

    private CommonPasswords(HashSet<string> passwords) => this.passwords = passwords;

    public static CommonPasswords Shared => Loaded.Value;

    public int Count => passwords.Count;

    /// <summary>
    /// True for a listed password in any letter case, and for one with only digits or symbols
    /// added at its end ("Password123456", "sunshine2024!"): the first variations people make,
    /// and the first ones attackers try.
    /// </summary>
    public bool IsCommon(string password)
    {
        var candidate = password.Trim();
        return passwords.Contains(candidate) || passwords.Contains(candidate.TrimEnd(Decorations));
    }

    private static readonly char[] Decorations = [.. "0123456789!@#$%^&*()-_=+.,;:?~ "];

    private static CommonPasswords Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded list {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                passwords.Add(line);
            }
        }

        return new CommonPasswords(passwords);
    }
}
