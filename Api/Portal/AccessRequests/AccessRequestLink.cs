namespace Api.Portal.AccessRequests;

/// <summary>The token of an access request's link, as its page sends it.</summary>
public sealed record AccessRequestLink(string? Token);
