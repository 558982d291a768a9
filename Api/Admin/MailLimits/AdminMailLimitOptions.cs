namespace Api.Admin.MailLimits;

/// <summary>
/// How many e-mails staff actions may have the platform send (bound to <c>Admin:MailLimits</c>):
/// invitations, set-password links, activation resends, authenticator-reset notices and support
/// address confirmations all come from our DoNotReply@ address with words a partner chooses (a
/// name, a greeting), so without a limit they could be used to send mail to anyone.
/// </summary>
public sealed class AdminMailLimitOptions
{
    public const string SectionName = "Admin:MailLimits";

    /// <summary>One partner's staff together: a bulk resend to a large client fits, a mailing does not.</summary>
    public int PerPartnerPerHour { get; set; } = 200;

    /// <summary>
    /// One address, from every partner, in 24 hours. Keyed by the address itself, so deleting and
    /// adding the user again (a new user, a new account) starts nothing afresh.
    /// </summary>
    public int PerRecipientPerDay { get; set; } = 5;
}
