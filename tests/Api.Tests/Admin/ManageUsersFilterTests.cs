namespace Api.Tests.Admin;

/// <summary>
/// Settings &gt; Account Administration &gt; Users &gt; Manage Users: each filter and the search
/// keep exactly the users they name. Each test has a partner of its own
/// (<see cref="AdminWorld"/>), so what it sees is only what it made.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class ManageUsersFilterTests(SsoApiFactory api)
{
    [Fact]
    public async Task Each_filter_keeps_only_the_users_it_names()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var legacy = await world.EndUserAsync(SsoUserState.Legacy);
        var pending = await world.EndUserAsync(SsoUserState.MigratedPending);
        var activated = await world.EndUserAsync(SsoUserState.Activated);
        var enrolled = await world.EndUserAsync(SsoUserState.Enrolled);
        var disabled = await world.EndUserAsync(SsoUserState.Legacy, enabled: false);
        var elsewhere = await world.EndUserAsync(SsoUserState.Enrolled, client: world.Clients[1]);
        using var reader = new ManageUsersReader(api, await world.StaffAsync());

        async Task<string[]> Emails(string query)
        {
            var page = await reader.PageAsync(query);
            // The total comes from its own query (no joins unless the SSO state filter needs them): it agrees with the list.
            Assert.Equal((page.Items.Count, false), (page.Total, page.TotalIsCapped));
            return [.. page.Items.Select(r => r.Email).Order(StringComparer.Ordinal)];
        }

        string[] Of(params TestUser[] users) => [.. users.Select(u => u.Email).Order(StringComparer.Ordinal)];
        var client = $"?clientId={world.Clients[0].Id}";

        Assert.Equal(Of(legacy, pending, activated, enrolled, disabled), await Emails(client));
        Assert.Equal(Of(elsewhere), await Emails($"?clientId={world.Clients[1].Id}"));
        Assert.Equal(Of(disabled), await Emails(client + "&status=disabled"));
        Assert.Equal(Of(legacy, pending, activated, enrolled), await Emails(client + "&status=enabled"));
        Assert.Equal(Of(pending, activated, enrolled), await Emails(client + "&migrated=true"));
        Assert.Equal(Of(legacy, disabled), await Emails(client + "&migrated=false"));
        Assert.Equal(Of(pending), await Emails(client + "&ssoState=activation-pending"));
        Assert.Equal(Of(activated), await Emails(client + "&ssoState=mfa-not-enrolled"));
        Assert.Equal(Of(enrolled), await Emails(client + "&ssoState=active"));
        Assert.Equal(Of(enrolled, elsewhere), await Emails("?ssoState=active"));
        Assert.Empty(await Emails(client + "&status=disabled&migrated=true"));
        Assert.Equal(Of(enrolled), await Emails(client + "&status=enabled&migrated=true&ssoState=active&search=" + Uri.EscapeDataString(enrolled.Email)));
    }

    [Fact]
    public async Task Search_finds_a_name_or_an_email_fragment_whatever_its_case_and_takes_wildcards_as_typed()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var byName = await world.EndUserAsync(SsoUserState.Legacy);
        var byEmail = await world.EndUserAsync(SsoUserState.Enrolled, client: world.Clients[1]);
        await world.EndUserAsync(SsoUserState.Legacy);
        await ManageUsersReader.ChangeAsync(api.Services, byName.EndUserId, u => u.DisplayName = "Zoë O'Brien-Smith 100%");
        using var reader = new ManageUsersReader(api, await world.StaffAsync());

        async Task<string[]> Found(string search) =>
            [.. (await reader.PageAsync("?search=" + Uri.EscapeDataString(search))).Items.Select(r => r.Email)];

        Assert.Equal([byName.Email], await Found("o'brien"));
        Assert.Equal([byName.Email], await Found("  BRIEN-SMITH  "));
        Assert.Equal([byName.Email], await Found("100%"));
        Assert.Empty(await Found("1_0"));
        Assert.Equal([byName.Email], await Found("%"));
        Assert.Equal([byEmail.Email], await Found(byEmail.Email.Split('@')[0][^8..].ToUpperInvariant()));
        Assert.Empty(await Found("nobody-by-this-name"));
    }
}
