namespace Api.Sso.Accounts;

/// <summary>Tells every registered <see cref="IAccountMilestoneListener"/> (there may be none) that an account reached a milestone.</summary>
public sealed class AccountMilestones(IEnumerable<IAccountMilestoneListener> listeners)
{
    public async Task ReachedAsync(AccountMilestoneReached milestone, CancellationToken cancellationToken = default)
    {
        foreach (var listener in listeners)
        {
            await listener.ReachedAsync(milestone, cancellationToken);
        }
    }
}
