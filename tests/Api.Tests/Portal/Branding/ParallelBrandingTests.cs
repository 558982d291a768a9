using System.Net;
using Api.Audit;
using Api.Data;
using Api.Tests.Admin;
using Api.Tests.Sso;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Portal.Branding;

/// <summary>
/// Fifty saves at once (two admins in two tabs, a double click): the partner keeps one branding
/// row, and the audit log tells its story exactly — one entry per real change, each starting
/// where the one before ended, the last one ending where the row is.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class ParallelBrandingTests(SsoApiFactory api)
{
    private const int Parallel = 50;

    [Fact]
    public async Task Fifty_different_colours_saved_at_once_leave_one_row_and_an_unbroken_audit_chain()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();
        var colours = Enumerable.Range(0, Parallel).Select(i => $"#0000{i:x2}").ToList();

        var answers = await Task.WhenAll(colours.Select(async colour =>
        {
            using var browser = new SsoDriver(api);
            return await admin.SendAsync(browser, HttpMethod.Put, "/api/admin/branding", new { color = colour });
        }));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        var (rows, final) = await BrandingRowsAsync(world.Partner.Id);
        var audit = await AdminCalls.AuditOfAsync(api.Services, world.Partner.Id, AuditActions.BrandingEdited);
        Assert.Equal(1, rows);
        Assert.Equal(Parallel, audit.Count);
        // Follow the chain from "no colour": each change starts where exactly one other ended.
        var byBefore = audit.ToDictionary(e => e.Before!);
        var current = """{"color":null}""";
        for (var i = 0; i < Parallel; i++)
        {
            current = byBefore[current].After!;
        }

        Assert.Equal($$"""{"color":"{{final}}"}""", current);
    }

    [Fact]
    public async Task The_same_colour_saved_fifty_times_at_once_is_one_change()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(async _ =>
        {
            using var browser = new SsoDriver(api);
            return await admin.SendAsync(browser, HttpMethod.Put, "/api/admin/branding", new { color = "#abcdef", supportEmail = "help@partner.example" });
        }));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.All(answers, a => Assert.Equal("#abcdef", a.String("color")));
        Assert.Single(await AdminCalls.AuditOfAsync(api.Services, world.Partner.Id, AuditActions.BrandingEdited));
        Assert.Equal((1, "#abcdef"), await BrandingRowsAsync(world.Partner.Id));
    }

    private async Task<(int Rows, string? Color)> BrandingRowsAsync(Guid partnerId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<AppDbContext>().PartnerBrandings.AsNoTracking().Where(b => b.PartnerId == partnerId).ToListAsync();
        return (rows.Count, rows.FirstOrDefault()?.Color);
    }
}
