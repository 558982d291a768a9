namespace AppHost;

/// <summary>Resource names, shared by the app host and the tests that look resources up.</summary>
public static class ResourceNames
{
    public const string Cache = "cache";
    public const string Database = "db";
    public const string Mail = "mail";
    public const string Api = "api";
    public const string WebClient = "webclient";
    public const string WebClientInstall = "webclient-npm-install";
    public const string RmmConsole = "rmm-console";
    public const string RmmConsoleClientSecret = "rmm-console-client-secret";
    public const string WebhookReceiver = "webhook-receiver";
}
