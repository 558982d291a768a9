using Api.Admin.ManageUsers;
using Api.Shared.Paging;
using Api.Portal;

namespace Api.Tests.Admin;

/// <summary>
/// Settings &gt; Account Administration &gt; Users &gt; Manage Users: every column sorts both ways,
/// and pages split the list without repeats. Each test has a partner of its own
/// (<see cref="AdminWorld"/>), so what it sees is only what it made.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class ManageUsersSortAndPageTests(SsoApiFactory api)
{
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
