using Api.Sso.Throttling;

namespace Api.Tests.Security;

/// <summary>
/// Whose failures share a counter (ASVS V2.2.1): one client address (IPv6 per /64), every spelling
/// of one e-mail, every copy of one device cookie; and an office behind one address keeps signing
/// in while an attacker there is held back.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class FailureCounterScopeTests(SsoApiFactory api)
{
    private const int Parallel = ParallelAttack.Parallel;
    private const string WrongCredentials = ParallelAttack.WrongCredentials;

    [Fact]
    [Trait("ASVS", "2.2.1")]
    public async Task An_office_behind_one_address_keeps_signing_in_while_an_attacker_there_is_held_back()
    {
        var office = SsoDriver.NewClientIp();
        var colleague = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        var ownerBrowser = new SsoDriver(api, office);
        await ownerBrowser.SignInAsync(colleague);

        // Thirty failures across many accounts from the office's one address: the address is held back …
        await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
        {
            using var attacker = new SsoDriver(api, office);
            await attacker.StartAsync(SsoUsers.UnknownEmail());
            await attacker.PasswordAsync($"spray-{i}");
        }));
        using var stranger = new SsoDriver(api, office);
        await stranger.StartAsync(colleague.Email);
        Assert.Equal(WrongCredentials, (await stranger.PasswordAsync(colleague.Password)).Detail);

        // … but not the colleague who has signed in from this browser before.
        using var again = BrowserWithDeviceCookieOf(ownerBrowser, office);
        Assert.False(string.IsNullOrEmpty((await again.SignInAsync(colleague)).AccessToken));
        ownerBrowser.Dispose();
    }

    [Fact]
    [Trait("ASVS", "2.2.1")]
    public async Task Addresses_in_one_ipv6_64_share_one_counter()
    {
        var prefix = SsoDriver.NewClientIp()[..^3];
        for (var i = 0; i < 30; i++)
        {
            // A new interface identifier for every try, as an attacker with a /64 can do.
            using var attacker = new SsoDriver(api, $"{prefix}:{i + 1:x}");
            await attacker.StartAsync(SsoUsers.UnknownEmail());
            await attacker.PasswordAsync($"spray-{i}");
        }

        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var sameNetwork = new SsoDriver(api, $"{prefix}:ffff");
        await sameNetwork.StartAsync(user.Email);
        Assert.Equal(WrongCredentials, (await sameNetwork.PasswordAsync(user.Password)).Detail);
    }

    [Fact]
    [Trait("ASVS", "2.2.1")]
    public async Task Spellings_of_one_email_share_one_counter()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        var fullwidth = string.Concat(user.Email.Select(c => c is >= 'a' and <= 'z' ? (char)(c - 'a' + 'ａ') : c));
        string[] spellings = [user.Email.ToUpperInvariant(), fullwidth, " " + user.Email, user.Email.ToUpperInvariant(), fullwidth];
        foreach (var spelling in spellings)
        {
            using var attacker = new SsoDriver(api);
            Assert.Equal("password", (await attacker.StartAsync(spelling)).Step);
            Assert.Equal(WrongCredentials, (await attacker.PasswordAsync("not-the-password")).Detail);
        }

        using var browser = new SsoDriver(api);
        await browser.StartAsync(user.Email);
        Assert.Equal(WrongCredentials, (await browser.PasswordAsync(user.Password)).Detail);
    }

    [Fact]
    [Trait("ASVS", "2.2.1")]
    public async Task A_stolen_device_cookie_lets_fifty_parallel_guesses_test_only_its_own_budget_and_the_accounts()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var owner = await SignedInOwnerAsync(user);
        var guess = $"guess-{Guid.NewGuid():N}-";

        // Fifty browsers that all carry a copy of the owner's device cookie guess at once.
        await Task.WhenAll(Enumerable.Range(0, Parallel).Select(async i =>
        {
            using var thief = BrowserWithDeviceCookieOf(owner);
            await thief.StartAsync(user.Email);
            Assert.Equal(WrongCredentials, (await thief.PasswordAsync(guess + i)).Detail);
        }));

        var limits = new LoginThrottleOptions();
        Assert.True(api.Hashing.ChecksStartingWith(guess) <= limits.DeviceFailureLimit + limits.AccountFailureLimit,
            $"{api.Hashing.ChecksStartingWith(guess)} guesses were hashed");
        using var thiefAgain = BrowserWithDeviceCookieOf(owner);
        await thiefAgain.StartAsync(user.Email);
        Assert.Equal(WrongCredentials, (await thiefAgain.PasswordAsync(user.Password)).Detail);
    }

    private Task<SsoDriver> SignedInOwnerAsync(TestUser user) => ParallelAttack.SignedInOwnerAsync(api, user);

    /// <summary>A fresh browser (no SSO session) that carries only the owner's device cookie.</summary>
    private SsoDriver BrowserWithDeviceCookieOf(SsoDriver owner, string? clientIp = null) => ParallelAttack.BrowserWithDeviceCookieOf(api, owner, clientIp);
}
