namespace Benchmarks.Seeding;

/// <summary>
/// What a moved user of the crowd did after their move, and when, deterministic from their index:
/// about 90% activate (most within the first days after the move, a long tail up to two weeks),
/// 80% also set up an authenticator and a little over half of all sign in to the portal, each
/// right after the step before; a third of those who signed in come back within 30 days. A step
/// whose moment is still to come (a recent wave) has not happened, nor has any after it: the
/// account's flags and the funnel's milestones are both written from this one answer.
/// </summary>
/// <param name="Linked">An account the user already had for another product was linked: its address was proven then, so it never activates again.</param>
public readonly record struct MovedUserJourney(
    bool Linked, DateTime MovedAt, DateTime? Activated, DateTime? Enrolled, DateTime? SignedIn, DateTime? Returned)
{
    /// <summary>Activated, for a linked account: its address was proven for the other product, long before.</summary>
    public bool AccountActivated => Linked || Activated is not null;

    public static MovedUserJourney Of(int i, DateTime movedAt, DateTime now)
    {
        var linked = LinksAccount(i);
        // Knuth's multiplicative hash spreads neighbours apart; cubed, most first visits come early.
        var spread = (uint)i * 2654435761u % 10_000 / 10_000.0;
        var firstVisit = movedAt.AddMinutes(5).AddHours(14 * 24 * spread * spread * spread);
        DateTime? Happened(bool does, DateTime? after, DateTime at) => does && after is not null && at <= now ? at : null;

        var activated = Happened(!linked && i % 10 != 1, movedAt, firstVisit);
        var enrolled = Happened(i % 10 is not (1 or 2), linked ? movedAt : activated, firstVisit.AddMinutes(1 + i % 9));
        var signedIn = Happened(i % 3 != 0, enrolled, (enrolled ?? firstVisit).AddSeconds(30 + i % 150));
        var returned = Happened(i / 7 % 3 == 1, signedIn, (signedIn ?? firstVisit).AddDays(1 + i % 28).AddMinutes(i % 600));
        return new MovedUserJourney(linked, movedAt, activated, enrolled, signedIn, returned);
    }

    /// <summary>Whether the move linked an account the member already had (5% of them).</summary>
    public static bool LinksAccount(int i) => i / 20 % 20 == 3;

    /// <summary>An SSO session id (32 characters, as the SSO's): the return's is another session than the first sign-in's.</summary>
    public static string SessionId(int partnerIndex, int i, bool returned) => $"{partnerIndex:D2}{i:D29}{(returned ? 1 : 0)}";
}
