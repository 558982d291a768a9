using System.Net;
using Api.Admin.ManageUsers;
using Api.Portal;
using Api.Tests.Sso;

namespace Api.Tests.Admin;

/// <summary>Manage Users' CSV export: the file a partner admin downloads and opens in a spreadsheet.</summary>
[Collection(SsoCollection.Name)]
public sealed class ManageUsersExportTests(SsoApiFactory api)
{
    private const string Header = "Name,Email,Client,Role,Status,Locked,Migrated to SSO,Migrated at,SSO state,MFA,Last login,Move to SSO";

    [Fact]
    public async Task The_file_holds_exactly_the_filtered_users_in_the_lists_order()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var legacy = await world.EndUserAsync(SsoUserState.Legacy);
        var disabled = await world.EndUserAsync(SsoUserState.Legacy, enabled: false);
        var pending = await world.EndUserAsync(SsoUserState.MigratedPending);
        await world.EndUserAsync(SsoUserState.Legacy, client: world.Clients[1]);
        await ManageUsersReader.ChangeAsync(api.Services, legacy.EndUserId, u =>
        {
            u.Role = EndUserRoles.ClientManager;
            u.LastLoginAt = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc);
        });
        using var reader = new ManageUsersReader(api, await world.StaffAsync());
        var client = world.Clients[0];

        var all = await reader.GetAsync($"/api/admin/end-users/export.csv?clientId={client.Id}&sort=email&desc=true");
        var notMigrated = await reader.GetAsync($"/api/admin/end-users/export.csv?clientId={client.Id}&migrated=false");

        Assert.Equal(HttpStatusCode.OK, all.Status);
        Assert.Equal("text/csv", all.MediaType);
        Assert.Equal("utf-8", all.Raw.Content.Headers.ContentType!.CharSet);
        Assert.Equal($"attachment; filename=\"end-users-{DateTime.UtcNow:yyyy-MM-dd}.csv\"", all.Raw.Content.Headers.ContentDisposition!.ToString());
        var list = (await reader.PageAsync($"?clientId={client.Id}&sort=email&desc=true")).Items;
        var lines = Lines(all.Body);
        Assert.Equal(Header, lines[0]);
        Assert.Equal(list.Select(r => r.Email), lines.Skip(1).Select(line => line.Split(',')[1]));
        var migratedAt = (await reader.DetailAsync(pending.EndUserId)).User.MigratedAt!.Value;
        Assert.Contains($"{pending.DisplayName},{pending.Email},{client.Name},End User,Enabled,No,Yes,{migratedAt:yyyy-MM-dd'T'HH:mm:ss'Z'},Activation pending,,,", lines);
        Assert.Contains($"{legacy.DisplayName},{legacy.Email},{client.Name},Client Manager,Enabled,No,No,,,,2026-03-04T05:06:07Z,Not in a migration batch yet", lines);
        Assert.Equal(
            [Header, .. new[] { legacy, disabled }.OrderBy(u => u.DisplayName, StringComparer.Ordinal).Select(u => u.Email)],
            Lines(notMigrated.Body).Select((line, i) => i == 0 ? line : line.Split(',')[1]));
        Assert.Contains($",{disabled.Email},{client.Name},End User,Disabled,No,No,,,", notMigrated.Body);
    }

    [Fact]
    public async Task A_value_a_spreadsheet_would_run_as_a_formula_is_written_as_text()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var names = new[] { "=HYPERLINK(\"http://evil.example\",\"Click\")", "+1+1", "-2+3", "@SUM(A1:A2)", "O'Brien, \"Bob\"" };
        foreach (var name in names)
        {
            var user = await world.EndUserAsync(SsoUserState.Legacy);
            await ManageUsersReader.ChangeAsync(api.Services, user.EndUserId, u => u.DisplayName = name);
        }

        using var reader = new ManageUsersReader(api, await world.StaffAsync());
        var lines = Lines((await reader.GetAsync("/api/admin/end-users/export.csv")).Body);

        Assert.Equal(names.Length + 1, lines.Length);
        Assert.Contains(lines, line => line.StartsWith("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\",", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("\"'+1+1\",", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("\"'-2+3\",", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("\"'@SUM(A1:A2)\",", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("\"O'Brien, \"\"Bob\"\"\",", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line[0] is '=' or '+' or '-' or '@');
    }

    [Fact]
    public async Task An_empty_result_is_a_file_with_only_the_header()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        await world.EndUserAsync(SsoUserState.Legacy);
        using var reader = new ManageUsersReader(api, await world.StaffAsync());

        var answer = await reader.GetAsync("/api/admin/end-users/export.csv?ssoState=active");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal([Header], Lines(answer.Body));
    }

    private static string[] Lines(string csv)
    {
        Assert.EndsWith("\r\n", csv);
        return csv[..^2].Split("\r\n");
    }
}
