using System.Threading.Channels;

namespace Api.Sso.Passwords;

/// <summary>A Forgot Password request: the e-mail, and the browser's device id when it has signed in to that account before.</summary>
public sealed record PasswordResetRequest(string Email, string? TrustedDeviceId);

/// <summary>Forgot-password requests waiting to be looked up (bounded: a flood drops, never blocks).</summary>
public sealed class PasswordResetRequests
{
    private readonly Channel<PasswordResetRequest> channel =
        Channel.CreateBounded<PasswordResetRequest>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropWrite });

    public ChannelWriter<PasswordResetRequest> Writer => channel.Writer;

    public ChannelReader<PasswordResetRequest> Reader => channel.Reader;
}
