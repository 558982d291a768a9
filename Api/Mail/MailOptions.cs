namespace Api.Mail;

public sealed class MailOptions
{
    /// <summary>The platform's mail domain; account e-mails come from DoNotReply@ this domain.</summary>
    public string Domain { get; set; } = "platform.example";

    public string FromName { get; set; } = "Platform Single Sign-On";

    public string FromAddress => $"DoNotReply@{Domain}";

    /// <summary>How often the dispatcher looks for due messages when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public int MaxAttempts { get; set; } = 8;
}
