using System.Net;

namespace Api.Mail;

/// <summary>The platform's one e-mail layout: greeting, lead, an optional link with its action, footer, no-reply note.</summary>
public static class MailTemplate
{
    public static EmailContent Compose(string subject, string name, string lead, string? link, string? action, string footer)
    {
        var text = $"Hello {name},\n\n{lead}\n\n{(link is null ? "" : link + "\n\n")}{footer}\n\nThis mailbox is not monitored; please do not reply.\n";
        var html = $"""
            <p>Hello {WebUtility.HtmlEncode(name)},</p>
            <p>{WebUtility.HtmlEncode(lead)}</p>
            {(link is null ? "" : $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(action)}</a></p><p>{WebUtility.HtmlEncode(link)}</p>")}
            <p>{WebUtility.HtmlEncode(footer)}</p>
            <p style="color:#666">This mailbox is not monitored; please do not reply.</p>
            """;
        return new EmailContent(subject, text, html);
    }

    /// <summary>
    /// The same layout for a longer message with no link (a notice to forward): several paragraphs,
    /// each line of a paragraph kept on its own line.
    /// </summary>
    public static EmailContent Compose(string subject, string name, IReadOnlyList<string> paragraphs, string footer)
    {
        var text = $"Hello {name},\n\n{string.Join("\n\n", paragraphs)}\n\n{footer}\n\nThis mailbox is not monitored; please do not reply.\n";
        var body = string.Concat(paragraphs.Select(p => $"<p>{string.Join("<br>", p.Split('\n').Select(WebUtility.HtmlEncode))}</p>"));
        var html = $"""
            <p>Hello {WebUtility.HtmlEncode(name)},</p>
            {body}
            <p>{WebUtility.HtmlEncode(footer)}</p>
            <p style="color:#666">This mailbox is not monitored; please do not reply.</p>
            """;
        return new EmailContent(subject, text, html);
    }
}
