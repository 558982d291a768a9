using Api.Shared;

namespace Api.Admin.Reminders;

/// <summary>
/// The reminders to end users stuck after their move to SSO, in the admin area: partner admins
/// turn a client's automatic reminders off or on; operators read the settings and, in Development,
/// run a pass now. Send reminder itself is a row action of Manage Users (<c>EndUsersApi</c>).
/// </summary>
public static class RemindersAdminApi
{
    public static RouteGroupBuilder MapRemindersAdmin(this RouteGroupBuilder admin)
    {
        admin.MapPut("/clients/{clientId:guid}/automatic-reminders", SetClientReminders.HandleAsync)
            .RequireAuthorization(AuthorizationPolicies.Manager)
            .WithTags("Migration")
            .WithName("SetClientReminders")
            .WithSummary("Turns the automatic reminders to a client's stuck migrated users on or off; audited.");

        var reminders = admin.MapGroup("/migration/reminders").WithTags("Migration").RequireAuthorization(AuthorizationPolicies.Operator);
        reminders.MapGet("/", GetReminderSettings.Handle)
            .WithName("GetReminderSettings")
            .WithSummary("When reminders and the partners' digest go, and whether Run reminders now is available (Development only).");
        reminders.MapPost("/run", RunRemindersNow.HandleAsync)
            .WithName("RunRemindersNow")
            .WithSummary("Development only: sends every reminder and digest due as if their days had passed; a second run sends nothing.");
        return admin;
    }
}
