using Aspire.Hosting.ApplicationModel;

namespace AppHost;

/// <summary>smtp4dev: a development SMTP server with a web inbox. Mail goes nowhere else.</summary>
public sealed class DevMailServerResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public EndpointReference SmtpEndpoint => new(this, "smtp");

    public EndpointReference InboxEndpoint => new(this, "http");

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"smtp://{SmtpEndpoint.Property(EndpointProperty.HostAndPort)}");
}

internal static class MailResources
{
    /// <summary>Mail:Mode = Embedded (default: smtp4dev) or External (ConnectionStrings:mail = smtp://user:pass@host:port).</summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddPortalMail(this IDistributedApplicationBuilder builder, string repositoryRoot)
    {
        if (string.Equals(builder.Configuration["Mail:Mode"], "External", StringComparison.OrdinalIgnoreCase))
        {
            return builder.AddConnectionString(ResourceNames.Mail);
        }

        var tool = LocalDotnetTool.Find(repositoryRoot, "rnwood.smtp4dev");
        var mail = builder.AddResource(new DevMailServerResource(ResourceNames.Mail, tool.Command, repositoryRoot))
            .WithHttpEndpoint(name: "http")
            .WithEndpoint(name: "smtp", scheme: "tcp")
            .WithUrlForEndpoint("http", url => url.DisplayText = "Mail inbox")
            .WithHttpHealthCheck("/api/messages?pageSize=1", endpointName: "http")
            .WithIconName("Mail");
        var inbox = mail.Resource.InboxEndpoint;
        var smtp = mail.Resource.SmtpEndpoint;
        mail.WithArgs(context =>
        {
            foreach (var arg in tool.PrefixArgs)
            {
                context.Args.Add(arg);
            }

            context.Args.Add(ReferenceExpression.Create($"--urls=http://127.0.0.1:{inbox.Property(EndpointProperty.TargetPort)}"));
            context.Args.Add(ReferenceExpression.Create($"--smtpport={smtp.Property(EndpointProperty.TargetPort)}"));
            // Loopback only: a development mail server has no business answering the network.
            context.Args.Add("--bindaddress=127.0.0.1");
            // In memory, and no IMAP/POP3 listeners: those default to fixed ports that collide
            // between two stacks on one machine.
            context.Args.Add("--db=");
            context.Args.Add("--imapport=");
            context.Args.Add("--pop3port=");
        });
        return mail;
    }
}
