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
    public static EmailContent Compose(string subject, string name, IReadOnlyList<string> paragraphs, string footer) =>
        Compose(subject, name, paragraphs, link: null, action: null, after: [], footer);

    /// <summary>
    /// A longer message with a link: the paragraphs, the link with its action, more paragraphs
    /// (steps to follow once the link is opened), the footer.
    /// </summary>
    public static EmailContent Compose(
        string subject, string name, IReadOnlyList<string> paragraphs, string? link, string? action, IReadOnlyList<string> after, string footer)
    {
        var text = $"Hello {name},\n\n{string.Concat(paragraphs.Select(p => p + "\n\n"))}{(link is null ? "" : link + "\n\n")}"
            + $"{string.Concat(after.Select(p => p + "\n\n"))}{footer}\n\nThis mailbox is not monitored; please do not reply.\n";
        var linkHtml = link is null ? "" : $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(action)}</a></p><p>{WebUtility.HtmlEncode(link)}</p>";
        var html = $"""
            <p>Hello {WebUtility.HtmlEncode(name)},</p>
            {Paragraphs(paragraphs)}{linkHtml}{Paragraphs(after)}
            <p>{WebUtility.HtmlEncode(footer)}</p>
            <p style="color:#666">This mailbox is not monitored; please do not reply.</p>
            """;
        return new EmailContent(subject, text, html);
    }

    /// <summary>Each paragraph as a &lt;p&gt;, each of its lines kept on its own line.</summary>
    private static string Paragraphs(IEnumerable<string> paragraphs) =>
        string.Concat(paragraphs.Select(p => $"<p>{string.Join("<br>", p.Split('\n').Select(WebUtility.HtmlEncode))}</p>"));
}
