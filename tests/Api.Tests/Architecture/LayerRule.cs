using System.Reflection;
using NetArchTest.Rules;

namespace Api.Tests.Architecture;

/// <summary>
/// One rule of the Api's layering (CONTRIBUTING.md), written over a root namespace rather than
/// "Api" so the same rule can be checked on the Api and on fixtures that break it on purpose
/// (<see cref="LayerRuleTests"/>). A layer is a root namespace's first segment: Shared, Data,
/// Hosting, Mail, Audit, Webhooks, Sso, Portal, Admin, SsoMigration, Scim, Status, Development.
/// </summary>
/// <param name="Layer">The layer whose types are checked; null for every layer but the ones in <paramref name="Never"/>.</param>
/// <param name="Only">The other layers it may reference (every other one is forbidden), or null.</param>
/// <param name="Never">The layers it must not reference, when <paramref name="Only"/> is null.</param>
public sealed record LayerRule(string Name, string? Layer, string[]? Only, string[]? Never)
{
    public static readonly LayerRule[] All =
    [
        new("Shared references no module", "Shared", Only: [], Never: null),
        new("Mail references only Shared", "Mail", Only: ["Shared"], Never: null),
        new("Audit references only Shared", "Audit", Only: ["Shared"], Never: null),
        new("Webhooks references only Shared, Mail and Audit", "Webhooks", Only: ["Shared", "Mail", "Audit"], Never: null),
        new("Sso references only Shared, Mail and Audit", "Sso", Only: ["Shared", "Mail", "Audit"], Never: null),
        new("Portal does not reference Admin or the migration", "Portal", Only: null, Never: ["Admin", "SsoMigration"]),
        new("The migration does not reference Admin", "SsoMigration", Only: null, Never: ["Admin"]),
        new("Only the entry point references Hosting", Layer: null, Only: null, Never: ["Hosting"]),
        new("Only the entry point references SCIM", Layer: null, Only: null, Never: ["Scim"]),
    ];

    public TestResult Check(Assembly assembly, string root)
    {
        var types = Types.InAssembly(assembly).That().ResideInNamespaceMatching(LayerPattern(root));
        if (Layer is null)
        {
            foreach (var excluded in Never!)
            {
                types = types.And().DoNotResideInNamespaceMatching(Pattern(root, excluded));
            }
        }

        var forbidden = (Only is null ? Never! : LayersOf(assembly, root).Except(Only).Where(l => l != Layer))
            .Select(layer => $"{root}.{layer}")
            .ToArray();
        return types.ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
    }

    public override string ToString() => Name;

    private string LayerPattern(string root) => Layer is null ? $@"^{root.Replace(".", @"\.")}\." : Pattern(root, Layer);

    // A pattern, not a prefix: "Api.Sso" would also match Api.SsoMigration.
    private static string Pattern(string root, string layer) => $@"^{root.Replace(".", @"\.")}\.{layer}(\.|$)";

    private static IEnumerable<string> LayersOf(Assembly assembly, string root) =>
        assembly.GetTypes()
            .Select(type => type.Namespace)
            .Where(name => name is not null && name.StartsWith(root + ".", StringComparison.Ordinal))
            .Select(name => name![(root.Length + 1)..].Split('.')[0])
            .Distinct();
}
