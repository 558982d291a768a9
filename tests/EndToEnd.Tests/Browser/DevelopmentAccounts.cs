using System.Collections.Concurrent;
using EndToEnd.Tests.Pages;

namespace EndToEnd.Tests.Browser;

/// <summary>
/// The accounts the Development seeder creates (README.md, "Development accounts"). The stack starts
/// on a fresh database, but state changes persist for the whole run: each journey uses its own account.
/// </summary>
public static class DevelopmentAccounts
{
    public const string Password = "Portal-Pass-2026!";
    public const string TotpSecret = "JBSWY3DPEHPK3PXP";

    private static readonly ConcurrentDictionary<string, Authenticator> Authenticators = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Migrated, never logged in: activation pending, no authenticator. Used by FirstLoginJourneyTests only.</summary>
    public const string AlexPending = "alex.pending@northwind.test";

    /// <summary>Migrated, never logged in: activation pending, no authenticator. PasskeyJourneyTests only (adds a passkey).</summary>
    public const string PiaPasskey = "pia.passkey@northwind.test";

    /// <summary>As Pia. PasskeyManagementJourneyTests only: adds, renames and removes passkeys in Edit Profile.</summary>
    public const string RheaRemoves = "rhea.removes@northwind.test";

    /// <summary>As Pia. PasskeyManagementJourneyTests only: adds a passkey, then Paula resets her MFA.</summary>
    public const string RezaReset = "reza.reset@northwind.test";

    /// <summary>Migrated, activated, enrolled. Used by ReturningUserTests only.</summary>
    public const string ErinEnrolled = "erin.enrolled@northwind.test";

    /// <summary>Migrated, activated, enrolled. Used by ForgotPasswordJourneyTests only (its password changes).</summary>
    public const string GraceReset = "grace.reset@tailspin.test";

    /// <summary>
    /// Migrated, activated, enrolled. WrongCodeTests enters codes with it; MigratedUserTests only tries the
    /// legacy form (no code, no state change), so the two never collide whatever their order.
    /// </summary>
    public const string HenryEnrolled = "henry.enrolled@adventure.test";

    /// <summary>Not migrated. Used by LogoutTests only.</summary>
    public const string DanaLegacy = "dana.legacy@northwind.test";

    /// <summary>Not migrated. MigratedUserTests tries SSO with it (refused, no state change).</summary>
    public const string SamLegacy = "sam.legacy@adventure.test";

    /// <summary>
    /// Partner admin of Contoso Managed IT (SSO, enrolled with <see cref="TotpSecret"/>), also rmm-admin of the RMM console.
    /// PartnerAdminJourneyTests and RmmConsoleJourneyTests (through <see cref="AuthenticatorOf"/>).
    /// </summary>
    public const string PaulaAdmin = "paula.admin@contoso.test";

    /// <summary>Not migrated, signed in with the portal form and then disabled by PartnerAdminJourneyTests only.</summary>
    public const string KimSignedIn = "kim.signedin@northwind.test";

    /// <summary>Migrated, activated, enrolled; PartnerAdminJourneyTests resets its MFA.</summary>
    public const string MiaMfaReset = "mia.mfareset@tailspin.test";

    /// <summary>Platform operator (SSO, enrolled). MigrationJourneyTests.</summary>
    public const string OlgaOperator = "olga.operator@platform.test";

    /// <summary>Partner admin of Litware Partners, whose client Wingtip Toys the migration journey moves; it then opens Home > User Management as her.</summary>
    public const string LaraAdmin = "lara.admin@litware.test";

    /// <summary>Wingtip Toys, not migrated: the migration journey moves her and she then signs in with SSO.</summary>
    public const string NoraFirstSso = "nora.firstsso@wingtip.test";

    /// <summary>Wingtip Toys, already on SSO for another product (role rmm-technician): linked by the migration.</summary>
    public const string LiamLinked = "liam.linked@wingtip.test";

    /// <summary>Wingtip Toys, no usable e-mail: the dry run reports it, the run skips it.</summary>
    public const string OscarNoEmail = "oscar.noemail@wingtip.invalid";

    /// <summary>Partner admin of Woodgrove IT, whose one client Coho Winery the funnel journey moves; she follows its funnel on the admin home.</summary>
    public const string WendyAdmin = "wendy.admin@woodgrove.test";

    /// <summary>Coho Winery, not migrated: the funnel journey moves her with two others, and she activates, enrols and signs in.</summary>
    public const string QuinnFunnel = "quinn.funnel@cohowinery.test";

    /// <summary>Northwind, migrated, activated, enrolled; devices TINA-LAPTOP (online) and TINA-PHONE (offline), no tickets. TicketJourneyTests (SSO).</summary>
    public const string TinaTickets = "tina.tickets@northwind.test";

    /// <summary>Northwind, not migrated (portal form); device LEO-DESKTOP, no tickets. TicketJourneyTests (legacy form).</summary>
    public const string LeoLegacy = "leo.legacy@northwind.test";

    /// <summary>Partner technician of Contoso Managed IT (SSO, enrolled): answers the ticket journeys' tickets.</summary>
    public const string TomTechnician = "tom.technician@contoso.test";

    /// <summary>Contoso Managed IT's support contact (Settings > Branding): told of every new ticket.</summary>
    public const string ContosoSupport = "support@contoso.test";

    /// <summary>
    /// Tailspin Toys, one of the seeded crowd (index 4: active, enrolled, a plain end user): no role in any other product.
    /// RmmConsoleJourneyTests only.
    /// </summary>
    public const string AvaEriksen = "ava.eriksen@tailspin.test";

    /// <summary>Fourth Coffee (Proseware IT), not migrated: EarlyMoveJourneyTests' batch lets her move as she logs in on the portal's form.</summary>
    public const string VeraEarly = "vera.early@fourthcoffee.test";

    /// <summary>Fourth Coffee, not migrated: EarlyMoveJourneyTests' batch moves him on its date (run now).</summary>
    public const string WaltOnTheDate = "walt.onthedate@fourthcoffee.test";

    public const string Contoso = "Contoso Managed IT";

    /// <summary>
    /// The authenticator app of an enrolled development account, one for the whole run: the server accepts each
    /// time-step's code once per account, so journeys that sign the same account in, in whatever order xunit runs
    /// them, must not offer a code that another journey already used.
    /// </summary>
    public static Authenticator AuthenticatorOf(string email) => Authenticators.GetOrAdd(email, _ => new Authenticator(TotpSecret));

    /// <summary>The portal greets users by the e-mail's first two words, capitalised: "Erin Enrolled".</summary>
    public static string DisplayNameOf(string email)
    {
        var words = email.Split('@')[0].Split('.');
        return string.Join(' ', words.Take(2).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
    }
}
