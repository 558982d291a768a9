namespace Api.Portal.Tickets;

/// <summary>Why an attachment was refused; each reason has its own sentence in <see cref="TicketProblems"/>.</summary>
public enum AttachmentRefusal
{
    None,

    /// <summary>The name's extension is not on the allow-list (or there is none).</summary>
    NotAccepted,

    /// <summary>An allowed extension, but the declared type or the bytes say something else.</summary>
    Disagrees,

    /// <summary>A macro-enabled Office name (.docm, .xlsm, …) or an Office document with macros inside.</summary>
    HoldsMacros,
}
