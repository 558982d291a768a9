using Api.Shared;
using Microsoft.Extensions.Options;

namespace Api.Mail;

public static class MailServiceExtensions
{
    /// <summary>
    /// The outbox (e-mails saved with the change that caused them) and its dispatcher; the SMTP
    /// connection's protection is checked at start (<see cref="MailSecurityValidator"/>).
    /// </summary>
    public static IHostApplicationBuilder AddMail(this IHostApplicationBuilder builder)
    {
        builder.Services.AddMail();
        return builder;
    }

    /// <inheritdoc cref="AddMail(IHostApplicationBuilder)"/>
    public static IServiceCollection AddMail(this IServiceCollection services)
    {
        var options = services.AddOptions<MailOptions>().BindConfiguration("Mail");
        services.AddScoped<Outbox>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<SmtpSender>();
        if (!OpenApiGeneration.IsRunning)
        {
            options.ValidateOnStart();
            services.AddSingleton<IValidateOptions<MailOptions>, MailSecurityValidator>();
            services.AddHostedService<OutboxDispatcher>();
        }

        return services;
    }
}
