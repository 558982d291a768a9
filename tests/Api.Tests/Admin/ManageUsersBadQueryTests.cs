using System.Net;

namespace Api.Tests.Admin;

/// <summary>
/// Settings &gt; Account Administration &gt; Users &gt; Manage Users: a query the list cannot answer
/// is refused with a sentence about its field, in the list and in the export.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class ManageUsersBadQueryTests(SsoApiFactory api)
{
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
}
