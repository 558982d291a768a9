using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Api.Infrastructure.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AccountOwnershipAndLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ManagedBy",
                table: "SsoAccounts",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SupportEmailConfirmedAt",
                table: "PartnerBrandings",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AccountId",
                table: "OutboxMessages",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "EndUserId",
                table: "OutboxMessages",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PartnerId",
                table: "OutboxMessages",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LegacyPasswordHashBefore",
                table: "MigrationResults",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AccessDeclinedAt",
                table: "EndUsers",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingAccountId",
                table: "EndUsers",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_AccountId_CreatedAt",
                table: "OutboxMessages",
                columns: new[] { "AccountId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_EndUserId_CreatedAt",
                table: "OutboxMessages",
                columns: new[] { "EndUserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EndUsers_PendingAccountId",
                table: "EndUsers",
                column: "PendingAccountId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_AccountId_CreatedAt",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_EndUserId_CreatedAt",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_EndUsers_PendingAccountId",
                table: "EndUsers");

            migrationBuilder.DropColumn(
                name: "ManagedBy",
                table: "SsoAccounts");

            migrationBuilder.DropColumn(
                name: "SupportEmailConfirmedAt",
                table: "PartnerBrandings");

            migrationBuilder.DropColumn(
                name: "AccountId",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "EndUserId",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "PartnerId",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "LegacyPasswordHashBefore",
                table: "MigrationResults");

            migrationBuilder.DropColumn(
                name: "AccessDeclinedAt",
                table: "EndUsers");

            migrationBuilder.DropColumn(
                name: "PendingAccountId",
                table: "EndUsers");
        }
    }
}
