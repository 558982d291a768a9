namespace Api.Portal.LegacyLogin;

/// <summary>
/// Mixed mode, as the portal's login form asks for it: a batch of the user's client may have opened
/// its window, and then a user who just proved their password on the form moves to SSO at that
/// moment. Declared here and implemented by the migration (the portal does not reference it).
/// </summary>
public interface INextLoginMigration
{
    /// <summary>
    /// Moves the end user to SSO now when a batch of their client has its window open, making the SSO
    /// password from <paramref name="password"/> (which the caller has just verified). Exactly once,
    /// also against the batch's own run and other log-ins of the same user at the same moment.
    /// </summary>
    Task<NextLoginOutcome> MoveIfWindowOpenAsync(Guid endUserId, string password, CancellationToken cancellationToken);
}

/// <param name="AccountId">The SSO account, when <see cref="Status"/> is Moved.</param>
/// <param name="AccountCreated">True when the move made a new account (whose password is the one typed); false when it linked an existing one.</param>
public sealed record NextLoginOutcome(NextLoginStatus Status, string? AccountId = null, bool AccountCreated = false)
{
    public static readonly NextLoginOutcome NotInWindow = new(NextLoginStatus.NotInWindow);
    public static readonly NextLoginOutcome AlreadyMoved = new(NextLoginStatus.AlreadyMoved);
}

public enum NextLoginStatus
{
    /// <summary>No open window for the user (or the move could not be made now): the legacy log-in goes on as before.</summary>
    NotInWindow,

    /// <summary>This log-in moved the user.</summary>
    Moved,

    /// <summary>Someone else (the batch's run, another log-in) moved the user a moment ago.</summary>
    AlreadyMoved,
}
