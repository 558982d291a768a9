using System.Net.Http.Headers;
using Api.Data;
using Api.Portal;
using Api.Portal.Branding;
using Api.Portal.Devices;
using Api.Tests.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Support;

/// <summary>
/// A partner of its own (from <see cref="AdminWorld"/>) with signed-in end users, their devices and
/// tickets, and the calls the portal SPA makes: the JSON ones and the multipart new-ticket form.
/// </summary>
public sealed class TicketWorld(IServiceProvider services, AdminWorld admin)
{
    public AdminWorld Admin { get; } = admin;

    public static async Task<TicketWorld> CreateAsync(IServiceProvider services) => new(services, await AdminWorld.CreateAsync(services));

    /// <summary>An enrolled end user of a client (the first by default), signed in; a client manager if asked.</summary>
    public async Task<PortalUser> EndUserAsync(Client? client = null, string role = EndUserRoles.EndUser)
    {
        var user = await Admin.EndUserAsync(SsoUserState.Enrolled, client);
        if (role != EndUserRoles.EndUser)
        {
            await WithDbAsync(db => db.EndUsers.Where(u => u.Id == user.EndUserId).ExecuteUpdateAsync(set => set.SetProperty(u => u.Role, role)));
        }

        return new PortalUser(user, await Admin.SignInAsync(user));
    }

    /// <summary>A device of the client, assigned to <paramref name="assignedTo"/> or to nobody (shared).</summary>
    public async Task<Guid> DeviceAsync(Client client, Guid? assignedTo, string name = "LAPTOP-1")
    {
        var device = new Device
        {
            ClientId = client.Id,
            AssignedToId = assignedTo,
            Name = name,
            Type = DeviceTypes.Laptop,
            OperatingSystem = "Windows 11",
            LastSeenAt = DateTime.UtcNow,
        };
        await WithDbAsync(db =>
        {
            db.Add(device);
            return db.SaveChangesAsync();
        });
        return device.Id;
    }

    /// <summary>The partner's support address, confirmed (the link was used) unless asked otherwise.</summary>
    public Task SupportEmailAsync(string email, bool confirmed = true) => WithDbAsync(db =>
    {
        db.Add(new PartnerBranding { PartnerId = Admin.Partner.Id, SupportEmail = email, SupportEmailConfirmedAt = confirmed ? DateTime.UtcNow : null, UpdatedAt = DateTime.UtcNow });
        return db.SaveChangesAsync();
    });

    public async Task WithDbAsync(Func<AppDbContext, Task> act)
    {
        await using var scope = services.CreateAsyncScope();
        await act(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var scope = services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}

/// <summary>An end user and their session.</summary>
public sealed record PortalUser(TestUser User, StaffLogin Login)
{
    public Guid Id => User.EndUserId;
}

/// <summary>The portal's ticket calls as the SPA makes them.</summary>
internal static class TicketCalls
{
    /// <summary>The new-ticket form; <paramref name="declaredType"/> is the file part's Content-Type ("" sends none; neither it nor octet-stream declares anything).</summary>
    public static async Task<SsoResponse> OpenAsync(
        this StaffLogin login,
        SsoDriver browser,
        string subject = "Outlook does not start",
        byte[]? attachment = null,
        string fileName = "screenshot.png",
        Guid? deviceId = null,
        string priority = "High",
        string declaredType = "application/octet-stream")
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(subject), "subject" },
            { new StringContent("It shows an error about the profile."), "description" },
            { new StringContent(priority), "priority" },
        };
        if (deviceId is { } device)
        {
            form.Add(new StringContent(device.ToString()), "deviceId");
        }

        if (attachment is not null)
        {
            var file = new ByteArrayContent(attachment);
            if (declaredType.Length > 0)
            {
                file.Headers.ContentType = MediaTypeHeaderValue.Parse(declaredType);
            }
            form.Add(file, "attachment", fileName);
        }

        using var request = login.Request(HttpMethod.Post, "/api/portal/tickets", form);
        return await SsoResponse.ReadAsync(await browser.Http.SendAsync(request));
    }

    public static async Task<Guid> OpenTicketAsync(this StaffLogin login, SsoDriver browser, byte[]? attachment = null, Guid? deviceId = null)
    {
        var answer = await login.OpenAsync(browser, attachment: attachment, deviceId: deviceId);
        Assert.True(answer.Status == System.Net.HttpStatusCode.Created, answer.ToString());
        return Guid.Parse(answer.String("id")!);
    }

    /// <summary>A tiny but real PNG file's first bytes (the signature and an IHDR chunk).</summary>
    public static byte[] Png(int size = 64)
    {
        var bytes = new byte[size];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52 }.CopyTo(bytes, 0);
        return bytes;
    }
}
