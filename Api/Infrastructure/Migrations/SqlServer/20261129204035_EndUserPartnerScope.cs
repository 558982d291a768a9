using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Api.Infrastructure.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class EndUserPartnerScope : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EndUsers_ClientId_DisplayName",
                table: "EndUsers");

            migrationBuilder.DropIndex(
                name: "IX_Clients_PartnerId",
                table: "Clients");

            migrationBuilder.AddColumn<Guid>(
                name: "PartnerId",
                table: "EndUsers",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Existing users take their client's partner (the Api keeps it so from now on).
            migrationBuilder.Sql("UPDATE EndUsers SET PartnerId = (SELECT Clients.PartnerId FROM Clients WHERE Clients.Id = EndUsers.ClientId);");

            migrationBuilder.CreateIndex(
                name: "IX_EndUsers_ClientId_Deleted_DisplayName_Id",
                table: "EndUsers",
                columns: new[] { "ClientId", "Deleted", "DisplayName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_EndUsers_PartnerId_Deleted_DisplayName_Id",
                table: "EndUsers",
                columns: new[] { "PartnerId", "Deleted", "DisplayName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_EndUsers_PartnerId_Deleted_Email_DisplayName_Id",
                table: "EndUsers",
                columns: new[] { "PartnerId", "Deleted", "Email", "DisplayName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_EndUsers_PartnerId_Deleted_Enabled_DisplayName_Id",
                table: "EndUsers",
                columns: new[] { "PartnerId", "Deleted", "Enabled", "DisplayName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_EndUsers_PartnerId_Deleted_MigratedAt_DisplayName_Id",
                table: "EndUsers",
                columns: new[] { "PartnerId", "Deleted", "MigratedAt", "DisplayName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_EndUsers_PartnerId_Deleted_Role_DisplayName_Id",
                table: "EndUsers",
                columns: new[] { "PartnerId", "Deleted", "Role", "DisplayName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Clients_PartnerId_Name_Id",
                table: "Clients",
                columns: new[] { "PartnerId", "Name", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EndUsers_ClientId_Deleted_DisplayName_Id",
                table: "EndUsers");

            migrationBuilder.DropIndex(
                name: "IX_EndUsers_PartnerId_Deleted_DisplayName_Id",
                table: "EndUsers");

            migrationBuilder.DropIndex(
                name: "IX_EndUsers_PartnerId_Deleted_Email_DisplayName_Id",
                table: "EndUsers");

            migrationBuilder.DropIndex(
                name: "IX_EndUsers_PartnerId_Deleted_Enabled_DisplayName_Id",
                table: "EndUsers");

            migrationBuilder.DropIndex(
                name: "IX_EndUsers_PartnerId_Deleted_MigratedAt_DisplayName_Id",
                table: "EndUsers");

            migrationBuilder.DropIndex(
                name: "IX_EndUsers_PartnerId_Deleted_Role_DisplayName_Id",
                table: "EndUsers");

            migrationBuilder.DropIndex(
                name: "IX_Clients_PartnerId_Name_Id",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "PartnerId",
                table: "EndUsers");

            migrationBuilder.CreateIndex(
                name: "IX_EndUsers_ClientId_DisplayName",
                table: "EndUsers",
                columns: new[] { "ClientId", "DisplayName" });

            migrationBuilder.CreateIndex(
                name: "IX_Clients_PartnerId",
                table: "Clients",
                column: "PartnerId");
        }
    }
}
