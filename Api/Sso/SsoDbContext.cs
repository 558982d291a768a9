using Api.Sso.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Api.Sso;

/// <summary>
/// The SSO's part of the one database: Identity's accounts and roles, OpenIddict's applications,
/// authorizations and tokens, signing keys and recovery codes. The SSO reads and writes through
/// this type only, so it knows nothing of the tables the portal adds; the host's context
/// (<c>Api.Data.SsoDbContext</c>) derives from it and is what DI hands out for it.
/// </summary>
public abstract class SsoDbContext(DbContextOptions options)
    : IdentityDbContext<SsoAccount, IdentityRole, string>(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.UseOpenIddict();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SsoDbContext).Assembly, IsSsoType);
    }

    /// <summary>Api.Sso and its sub-namespaces, not Api.SsoMigration.</summary>
    public static bool IsSsoType(Type type) =>
        type.Namespace is { } name && (name == "Api.Sso" || name.StartsWith("Api.Sso.", StringComparison.Ordinal));
}
