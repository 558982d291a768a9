namespace Api.Tests.Support;

/// <summary>A user made for one test: its own partner, client, e-mail and TOTP secret.</summary>
public sealed class TestUser
{
    private readonly HashSet<long> usedSteps = [];

    public required string Email { get; init; }
    public required string Password { get; set; }
    public required string DisplayName { get; init; }
    public required Guid EndUserId { get; init; }
    public string? AccountId { get; init; }
    public string? TotpSecret { get; set; }
    public required string ClientName { get; init; }
    public required string PartnerName { get; init; }

    /// <summary>The code of the step <paramref name="stepOffset"/> steps from now (no bookkeeping).</summary>
    public string Code(int stepOffset = 0) => Totp.CodeAt(TotpSecret!, DateTime.UtcNow.AddSeconds(30 * stepOffset));

    /// <summary>
    /// A code the server has not seen for this account: the current step, else the next, else
    /// the previous (the server accepts ±1 step and each step once). Avoids a step boundary.
    /// </summary>
    public string NextCode()
    {
        Totp.AvoidStepBoundary();
        var now = DateTime.UtcNow;
        foreach (var offset in new[] { 0, 1, -1 })
        {
            var at = now.AddSeconds(30 * offset);
            if (usedSteps.Add(Totp.StepOf(at)))
            {
                return Totp.CodeAt(TotpSecret!, at);
            }
        }

        throw new InvalidOperationException("Three codes of this account were used within a minute; wait for the next step.");
    }

    /// <summary>A six-digit code that is wrong now and for the next minute (none of the steps the server accepts).</summary>
    public string WrongCode()
    {
        var valid = new[] { Code(-1), Code(0), Code(1), Code(2) };
        return Enumerable.Range(0, 1000).Select(i => i.ToString("D6")).First(code => !valid.Contains(code));
    }

    /// <summary>Records that a code of this step was used (e.g. for enrolment), so NextCode skips it.</summary>
    public void MarkUsed(DateTime at) => usedSteps.Add(Totp.StepOf(at));
}
