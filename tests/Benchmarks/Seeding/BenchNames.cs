namespace Benchmarks.Seeding;

/// <summary>Made-up but plausible people and companies, deterministic from an index (the same data on every run).</summary>
public static class BenchNames
{
    private static readonly string[] FirstNames =
    [
        "Olivia", "Liam", "Emma", "Noah", "Ava", "Lucas", "Mia", "Ethan", "Sofia", "Mateo", "Chloe", "Arjun", "Hana", "Kwame",
        "Ingrid", "Diego", "Yuki", "Fatima", "Oscar", "Priya", "Zoë", "Jonas", "Amara", "Felix", "Leila", "Tomás", "Nora", "Ravi",
        "Elena", "Kofi", "Greta", "Hugo", "Aisha", "Marco", "Signe", "Omar", "Julia", "Ken", "Lucía", "Pavel",
    ];

    private static readonly string[] LastNames =
    [
        "Anderson", "Bakker", "Chen", "Dubois", "Eriksen", "Fernandes", "García", "Hughes", "Ivanova", "Jensen", "Kowalski",
        "Larsen", "Müller", "Nakamura", "Okafor", "Patel", "Quinn", "Rossi", "Silva", "Tanaka", "Urban", "Vogel", "Walsh",
        "Xu", "Yilmaz", "Zimmermann", "Abbott", "Brennan", "Costa", "Dahl", "Evans", "Fischer", "Gupta", "Horvat", "Iqbal",
        "Jovanović", "Kim", "Lindqvist", "Moreau", "Novak",
    ];

    private static readonly string[] CompanyWords =
    [
        "Northwind", "Contoso", "Fabrikam", "Tailspin", "Wingtip", "Litware", "Proseware", "Adatum", "Lucerne", "Margie's",
        "Trey", "Woodgrove", "Alpine", "Coho", "Fourth", "Graphic", "Humongous", "Blue Yonder", "Relecloud", "Southridge",
    ];

    private static readonly string[] CompanyKinds = ["Traders", "Logistics", "Dental", "Legal", "Bakery", "Architects", "Clinic", "Studios", "Motors", "Accounting"];

    /// <summary>The n-th person: first and last names cycle independently, so neighbours differ in both.</summary>
    public static (string First, string Last) Person(int index) =>
        (FirstNames[index % FirstNames.Length], LastNames[(index / FirstNames.Length + index * 7) % LastNames.Length]);

    public static string Company(int index) =>
        $"{CompanyWords[index % CompanyWords.Length]} {CompanyKinds[(index / CompanyWords.Length) % CompanyKinds.Length]}" +
        (index >= CompanyWords.Length * CompanyKinds.Length ? $" {index / (CompanyWords.Length * CompanyKinds.Length) + 1}" : "");

    /// <summary>
    /// "Zoë García" → "zoe.garcia": e-mail addresses stay ASCII (Identity refuses other user names).
    /// By a table, not Unicode normalisation: the Api and the bench run with invariant globalization.
    /// </summary>
    public static string Slug(string text) =>
        new string([.. text.ToLowerInvariant().Select(c => Ascii.TryGetValue(c, out var plain) ? plain : c)
            .Select(c => char.IsAsciiLetterOrDigit(c) ? c : '.')]).Trim('.');

    private static readonly Dictionary<char, char> Ascii = new()
    {
        ['á'] = 'a', ['à'] = 'a', ['ä'] = 'a', ['å'] = 'a', ['é'] = 'e', ['ë'] = 'e', ['í'] = 'i', ['ó'] = 'o', ['ö'] = 'o', ['ø'] = 'o',
        ['ú'] = 'u', ['ü'] = 'u', ['ć'] = 'c', ['č'] = 'c', ['ç'] = 'c', ['ñ'] = 'n', ['š'] = 's', ['ž'] = 'z',
    };
}
