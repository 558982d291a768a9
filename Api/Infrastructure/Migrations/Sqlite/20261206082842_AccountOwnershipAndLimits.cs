using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Api.Infrastructure.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SupportEmailConfirmedAt",
                table: "PartnerBrandings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AccountId",
                table: "OutboxMessages",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "EndUserId",
                table: "OutboxMessages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PartnerId",
                table: "OutboxMessages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LegacyPasswordHashBefore",
                table: "MigrationResults",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AccessDeclinedAt",
                table: "EndUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingAccountId",
                table: "EndUsers",
                type: "TEXT",
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
