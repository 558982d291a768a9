using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Api.Portal.Tickets;
using Api.Tests.Sso;
using Api.Tests.Sweeps;

namespace Api.Tests.Portal.Tickets;

/// <summary>
/// On a real Kestrel socket (the in-memory server enforces no size limit): a new-ticket form far
/// over the attachment limit is refused by its announced length with 413 and a sentence, before
/// the body is read.
/// </summary>
public sealed class AttachmentSizeTests(KestrelApiFactory api) : IClassFixture<KestrelApiFactory>
{
    [Fact]
    [Trait("ASVS", "12.1.1")]
    public async Task A_form_far_over_the_limit_is_refused_by_its_length_with_413_and_a_sentence()
    {
        var world = await TicketWorld.CreateAsync(api.Services);
        var nora = await world.EndUserAsync();
        using var socket = api.CreateSocketClient();
        // A browser waits for the server's verdict on the announced length before sending the body;
        // under load the first answer can take longer than HttpClient's default second.
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, Expect100ContinueTimeout = TimeSpan.FromSeconds(30) })
        {
            BaseAddress = socket.BaseAddress,
        };
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Huge"), "subject" },
            { new StringContent("A large file"), "description" },
        };
        var file = new ByteArrayContent(TicketCalls.Png((int)TicketRules.MaxAttachmentBytes * 3));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "attachment", "huge.png");
        using var request = nora.Login.Request(HttpMethod.Post, "/api/portal/tickets", form);
        request.Headers.ExpectContinue = true;

        var clock = Stopwatch.StartNew();
        var answer = await SsoResponse.ReadAsync(await http.SendAsync(request));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
        Assert.True(answer.IsProblem, answer.ToString());
        Assert.True(MalformedInputSweep.HasSentence(answer), answer.ToString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.ElapsedMilliseconds} ms");
    }
}
