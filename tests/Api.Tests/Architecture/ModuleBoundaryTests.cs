using NetArchTest.Rules;

namespace Api.Tests.Architecture;

/// <summary>
/// The module boundaries of DESIGN.md, checked on the compiled Api (method bodies included): the
/// SSO is the platform's identity provider and knows nothing of the portal; everything else acts
/// on SSO accounts only through <c>AccountAdministration</c> and <c>ProductSignIn</c>, never
/// through Identity's stores or the SSO's Redis keys.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private static readonly string[] PortalSide = ["Api.Portal", "Api.Admin", "Api.SsoMigration"];

    /// <summary>
    /// What only the SSO may touch: Identity's managers and tables, its sessions, counters and keys,
    /// Redis itself. The atomic budget (<c>Api.Shared.Limits.RedisBudget</c>) is shared: every
    /// module's limits use it, each under its own keys.
    /// </summary>
    private static readonly string[] SsoInternals =
    [
        "Microsoft.AspNetCore.Identity.UserManager`1",
        "Microsoft.AspNetCore.Identity.RoleManager`1",
        "Api.Sso.Accounts.SsoAccount",
        "Api.Sso.Accounts.RecoveryCode",
        "Api.Sso.Sessions",
        "Api.Sso.Throttling.LoginThrottle",
        "Api.Sso.Keys",
        "Api.Sso.Oidc",
        "StackExchange.Redis",
    ];

    [Fact]
    public void Nothing_in_the_SSO_references_the_portal_the_admin_area_or_the_migration()
    {
        var result = Types.InAssembly(typeof(Program).Assembly)
            // A pattern, not a prefix: "Api.Sso" would also match Api.SsoMigration.
            .That().ResideInNamespaceMatching(@"^Api\.Sso(\.|$)")
            .ShouldNot().HaveDependencyOnAny(PortalSide)
            .GetResult();

        Assert.True(result.IsSuccessful, $"SSO types that reference the portal side: {Names(result)}");
    }

    [Fact]
    public void The_portal_admin_area_and_migration_reach_SSO_accounts_only_through_its_services()
    {
        var result = Types.InAssembly(typeof(Program).Assembly)
            .That().ResideInNamespace(PortalSide[0]).Or().ResideInNamespace(PortalSide[1]).Or().ResideInNamespace(PortalSide[2])
            .ShouldNot().HaveDependencyOnAny(SsoInternals)
            .GetResult();

        Assert.True(result.IsSuccessful, $"Portal-side types that touch SSO internals: {Names(result)}");
    }

    [Fact]
    public void The_rules_see_dependencies_inside_method_bodies()
    {
        // Guards the two rules above against passing vacuously: the SSO's own login code does
        // use Identity's UserManager inside method bodies, and the rule must notice it.
        var result = Types.InAssembly(typeof(Program).Assembly)
            .That().ResideInNamespace("Api.Sso.Login")
            .ShouldNot().HaveDependencyOn("Microsoft.AspNetCore.Identity.UserManager`1")
            .GetResult();

        Assert.False(result.IsSuccessful);
    }

    private static string Names(TestResult result) => string.Join(", ", result.FailingTypeNames ?? []);
}
