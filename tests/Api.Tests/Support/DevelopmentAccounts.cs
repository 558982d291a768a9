using Api.Development;

namespace Api.Tests.Support;

/// <summary>The development accounts README.md lists (seeded in every test factory), as a test signs in with them.</summary>
public static class DevelopmentAccounts
{
    /// <summary>A seeded account: the development password and, once enrolled, the shared development TOTP secret.</summary>
    public static TestUser Named(string email) => new()
    {
        Email = email,
        Password = DevelopmentSeeder.Password,
        DisplayName = email,
        EndUserId = Guid.Empty,
        TotpSecret = DevelopmentSeeder.TotpSecret,
        ClientName = "",
        PartnerName = "",
    };
}
