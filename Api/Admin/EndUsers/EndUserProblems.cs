using Api.Shared;
using Api.Sso.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Admin.EndUsers;

/// <summary>The sentences the end-user actions answer with.</summary>
public static class EndUserProblems
{
    public const string NotFoundReason = "not found";

    /// <summary>Another partner's end user answers exactly like one that does not exist.</summary>
    public static ProblemHttpResult NotFound() =>
        Problems.Status(StatusCodes.Status404NotFound, "End user not found", "This end user does not exist, or is not one of your clients' users.");

    public static ProblemHttpResult ClientNotFound() =>
        Problems.Status(StatusCodes.Status404NotFound, "Client not found", "This client does not exist, or is not one of your clients.");

    public static ProblemHttpResult EmailTaken() =>
        Problems.Status(StatusCodes.Status409Conflict, "E-mail already in use", "An end user with this e-mail already exists.");

    public static ProblemHttpResult AccountEmailTaken() =>
        Problems.Status(StatusCodes.Status409Conflict, "E-mail already in use", "Another single sign-on account already uses this e-mail. Choose another address.");

    public static ProblemHttpResult AlreadyActivated() =>
        Problems.Status(StatusCodes.Status409Conflict, "Already activated", "This user has already activated their account; there is nothing to resend.");

    public static ProblemHttpResult HasPassword() =>
        Problems.Status(StatusCodes.Status409Conflict, "Password already set", "This user signs in with the portal's form and has a password.");

    public static ProblemHttpResult TooManyEmails() =>
        Problems.Status(
            StatusCodes.Status429TooManyRequests,
            "Too many e-mails",
            $"{AccountAdministration.ActivationMailsPerHour} e-mails were already sent to this user in the last hour. Try again in an hour.");

    /// <summary>
    /// The sign-in behind the row belongs to someone else (the platform, or an owner who has not
    /// accepted): the partner manages only the portal access it granted.
    /// </summary>
    public static ProblemHttpResult ManagedElsewhere(string what) =>
        Problems.Forbidden(
            "account-managed-elsewhere",
            "Managed by its owner",
            $"This person's single sign-on account is not managed by your organisation, so only they can {what}. You can change their role and client, or disable or delete their portal access.");

    public static ProblemHttpResult NotOnSso() =>
        Problems.Status(StatusCodes.Status409Conflict, "Not on Single Sign-On", "This user is not on Single Sign-On yet, so has no authenticator to reset.");
}
