using System.Net;
using System.Net.Http.Json;
using Api.Admin.ManageUsers;
using Api.Data;
using Api.Portal;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Admin;

/// <summary>Manage Users as the SPA reads it: the list, the export and a user's page, as one staff member.</summary>
public sealed class ManageUsersReader(WebApplicationFactory<Program> api, StaffLogin staff) : IDisposable
{
    private readonly HttpClient http = api.CreateDefaultClient(new Uri("https://localhost/"));

    public async Task<SsoResponse> GetAsync(string path) =>
        await SsoResponse.ReadAsync(await http.SendAsync(staff.Request(HttpMethod.Get, path)));

    /// <summary>One page of the list; fails the test unless it is answered 200.</summary>
    public async Task<EndUserPage> PageAsync(string query = "")
    {
        using var answer = await http.SendAsync(staff.Request(HttpMethod.Get, "/api/admin/end-users" + query));
        Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        return (await answer.Content.ReadFromJsonAsync<EndUserPage>())!;
    }

    /// <summary>The rows of one client (every page), as a list filtered to it shows them.</summary>
    public async Task<IReadOnlyList<EndUserRow>> RowsAsync(Client client, string filters = "") =>
        (await PageAsync($"?clientId={client.Id}&pageSize=200{filters}")).Items;

    public async Task<IReadOnlyList<ClientSummary>> ClientsAsync()
    {
        using var answer = await http.SendAsync(staff.Request(HttpMethod.Get, "/api/admin/clients"));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return (await answer.Content.ReadFromJsonAsync<ClientSummary[]>())!;
    }

    public async Task<EndUserDetail> DetailAsync(Guid id)
    {
        using var answer = await http.SendAsync(staff.Request(HttpMethod.Get, $"/api/admin/end-users/{id}"));
        Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        return (await answer.Content.ReadFromJsonAsync<EndUserDetail>())!;
    }

    public void Dispose() => http.Dispose();

    /// <summary>Changes an end user's row directly (what an earlier edit or login would have left), for data a test needs.</summary>
    public static async Task ChangeAsync(IServiceProvider services, Guid endUserId, Action<EndUser> change)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = await db.EndUsers.FindAsync(endUserId);
        change(user!);
        await db.SaveChangesAsync();
    }
}
