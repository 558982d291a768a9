using System.Net;
using Api.Admin.ManageUsers;
using Api.Shared.Paging;
using Api.Portal;
using Api.Tests.Sso;

namespace Api.Tests.Admin;

/// <summary>
/// Settings &gt; Account Administration &gt; Users &gt; Manage Users: the list a partner admin reads,
/// with its Migrated to SSO column, search, filters, sort and pages. Each test has a partner of
/// its own (<see cref="AdminWorld"/>), so what it sees is only what it made.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class ManageUsersListTests(SsoApiFactory api)
{
    [Fact]
    public async Task Each_user_shows_whether_they_are_migrated_and_where_they_stand_on_sso()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var legacy = await world.EndUserAsync(SsoUserState.Legacy);
        var pending = await world.EndUserAsync(SsoUserState.MigratedPending);
        var activated = await world.EndUserAsync(SsoUserState.Activated);
        var enrolled = await world.EndUserAsync(SsoUserState.Enrolled);
        using var reader = new ManageUsersReader(api, await world.StaffAsync());

        var rows = (await reader.RowsAsync(world.Clients[0])).ToDictionary(r => r.Email);

        Assert.Equal(4, rows.Count);
        Assert.False(rows[legacy.Email].MigratedToSso);
        Assert.Null(rows[legacy.Email].MigratedAt);
        Assert.Null(rows[legacy.Email].SsoState);
        Assert.Equal(SsoStateNames.ActivationPending, rows[pending.Email].SsoState);
        Assert.Equal(SsoStateNames.MfaNotEnrolled, rows[activated.Email].SsoState);
        Assert.Equal(SsoStateNames.Active, rows[enrolled.Email].SsoState);
        foreach (var migrated in new[] { pending, activated, enrolled })
        {
            var row = rows[migrated.Email];
            Assert.True(row.MigratedToSso);
            Assert.Equal(DateTimeKind.Utc, row.MigratedAt!.Value.Kind);
            Assert.InRange(row.MigratedAt.Value, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
        }

        Assert.All(rows.Values, row =>
        {
            Assert.Equal(world.Clients[0].Name, row.ClientName);
            Assert.Equal(EndUserRoles.EndUser, row.Role);
            Assert.True(row.Enabled);
            Assert.False(row.Locked);
            Assert.Null(row.LastLoginAt);
        });
    }

    [Fact]
    public async Task The_last_login_is_the_sso_sign_in_for_a_migrated_user_and_the_portal_form_for_the_others()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var legacy = await world.EndUserAsync(SsoUserState.Legacy);
        var enrolled = await world.EndUserAsync(SsoUserState.Enrolled);
        var never = await world.EndUserAsync(SsoUserState.Enrolled);
        using (var browser = new SsoDriver(api))
        {
            await browser.LegacySignInAsync(legacy);
        }

        using (var browser = new SsoDriver(api))
        {
            await browser.SignInAsync(enrolled);
        }

        using var reader = new ManageUsersReader(api, await world.StaffAsync());
        var rows = (await reader.RowsAsync(world.Clients[0])).ToDictionary(r => r.Email);

        Assert.InRange(rows[legacy.Email].LastLoginAt!.Value, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
        Assert.InRange(rows[enrolled.Email].LastLoginAt!.Value, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
        Assert.Null(rows[never.Email].LastLoginAt);
    }

    [Fact]
    public async Task A_user_is_shown_locked_after_five_wrong_passwords()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var locked = await world.EndUserAsync(SsoUserState.Enrolled);
        var other = await world.EndUserAsync(SsoUserState.Enrolled);
        using var reader = new ManageUsersReader(api, await world.StaffAsync());
        Assert.All(await reader.RowsAsync(world.Clients[0]), row => Assert.False(row.Locked));

        for (var i = 0; i < 5; i++)
        {
            using var attacker = new SsoDriver(api);
            await attacker.StartAsync(locked.Email);
            Assert.Equal(HttpStatusCode.BadRequest, (await attacker.PasswordAsync("not-the-password-" + i)).Status);
        }

        var rows = (await reader.RowsAsync(world.Clients[0])).ToDictionary(r => r.Email);
        Assert.True(rows[locked.Email].Locked);
        Assert.False(rows[other.Email].Locked);
        Assert.True((await reader.DetailAsync(locked.EndUserId)).User.Locked);
    }

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

    public static TheoryData<string> Sorts() => [.. EndUserFilter.SortNames.Keys];

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task Every_column_sorts_both_ways(string sort)
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var users = new List<TestUser>();
        foreach (var (state, index) in new[] { SsoUserState.Legacy, SsoUserState.Enrolled, SsoUserState.Legacy, SsoUserState.MigratedPending, SsoUserState.Enrolled }.Select((s, i) => (s, i)))
        {
            var user = await world.EndUserAsync(state, client: world.Clients[index % 2], enabled: index != 2);
            users.Add(user);
            await ManageUsersReader.ChangeAsync(api.Services, user.EndUserId, u =>
            {
                u.Role = index % 3 == 0 ? EndUserRoles.ClientManager : EndUserRoles.EndUser;
                u.LastLoginAt = index == 0 ? null : DateTime.UtcNow.AddDays(-index);
            });
        }

        using var reader = new ManageUsersReader(api, await world.StaffAsync());
        var ascending = (await reader.PageAsync($"?sort={sort}")).Items;
        var descending = (await reader.PageAsync($"?sort={sort}&desc=true")).Items;

        Assert.Equal(users.Count, ascending.Count);
        Assert.Equal(ascending.Select(r => r.Id).Order(), descending.Select(r => r.Id).Order());
        Func<EndUserRow, IComparable?> key = sort switch
        {
            "name" => r => r.Name,
            "email" => r => r.Email,
            "client" => r => r.ClientName,
            "role" => r => r.Role,
            "status" => r => r.Enabled,
            "migratedAt" => r => r.MigratedAt,
            "lastLogin" => r => r.LastLoginAt,
            _ => throw new ArgumentOutOfRangeException(nameof(sort)),
        };
        AssertOrdered(ascending.Select(key).ToList(), descending: false);
        AssertOrdered(descending.Select(key).ToList(), descending: true);
        // The columns this test varies really are sorted, not merely equal everywhere.
        Assert.NotEqual(key(ascending[0]), key(descending[0]));
    }

    [Fact]
    public async Task Pages_split_the_list_without_repeats_and_each_tells_the_total()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        for (var i = 0; i < 7; i++)
        {
            await world.EndUserAsync(SsoUserState.Legacy);
        }

        using var reader = new ManageUsersReader(api, await world.StaffAsync());
        var pages = new List<EndUserPage>();
        for (var page = 1; page <= 4; page++)
        {
            pages.Add(await reader.PageAsync($"?pageSize=3&page={page}"));
        }

        Assert.Equal([3, 3, 1, 0], pages.Select(p => p.Items.Count));
        Assert.All(pages, p => Assert.Equal(7, p.Total));
        Assert.All(pages, p => Assert.Equal(3, p.PageSize));
        Assert.Equal([1, 2, 3, 4], pages.Select(p => p.Number));
        Assert.Equal(7, pages.SelectMany(p => p.Items).Select(r => r.Id).Distinct().Count());
        var all = await reader.PageAsync();
        Assert.Equal((1, PageSizeLimits.Standard.Default, 7), (all.Number, all.PageSize, all.Total));
        Assert.Equal(all.Items.Select(r => r.Id), pages.SelectMany(p => p.Items).Select(r => r.Id));
        Assert.Equal(2, (await reader.PageAsync("?pageSize=3&page=2&migrated=false&status=enabled")).Number);
    }

    [Theory]
    [InlineData("status=maybe", "status")]
    [InlineData("migrated=yes", "migrated")]
    [InlineData("ssoState=locked", "ssoState")]
    [InlineData("sort=age", "sort")]
    [InlineData("sort=Name", "sort")]
    [InlineData("desc=1", "desc")]
    [InlineData("clientId=northwind", "clientId")]
    [InlineData("page=0", "page")]
    [InlineData("page=two", "page")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("pageSize=-5", "pageSize")]
    public async Task An_unknown_value_is_refused_with_a_sentence_about_its_field(string query, string field)
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        using var reader = new ManageUsersReader(api, await world.StaffAsync());

        foreach (var path in new[] { "/api/admin/end-users?", "/api/admin/end-users/export.csv?" }.Where(p => field is not ("page" or "pageSize") || !p.Contains(".csv", StringComparison.Ordinal)))
        {
            var answer = await reader.GetAsync(path + query);

            Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
            Assert.True(answer.IsProblem, answer.ToString());
            Assert.NotNull(answer.Errors?[field]);
            Assert.EndsWith(".", answer.Detail);
        }
    }

    [Fact]
    public async Task A_search_longer_than_two_hundred_characters_is_refused()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        using var reader = new ManageUsersReader(api, await world.StaffAsync());

        var answer = await reader.GetAsync("/api/admin/end-users?search=" + new string('a', 201));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("Search for at most 200 characters.", answer.Detail);
        Assert.Empty((await reader.PageAsync("?search=" + new string('a', 200))).Items);
    }

    private static void AssertOrdered(List<IComparable?> keys, bool descending)
    {
        for (var i = 1; i < keys.Count; i++)
        {
            var order = Compare(keys[i - 1], keys[i]);
            Assert.True(descending ? order >= 0 : order <= 0, $"not sorted {(descending ? "descending" : "ascending")}: {string.Join(" | ", keys)}");
        }
    }

    /// <summary>As SQL sorts: text by code point, false before true, no value before any value.</summary>
    private static int Compare(IComparable? a, IComparable? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (string x, string y) => string.CompareOrdinal(x, y),
        _ => a.CompareTo(b),
    };
}
