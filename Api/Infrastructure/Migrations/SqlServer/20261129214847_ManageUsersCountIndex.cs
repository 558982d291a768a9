using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Api.Infrastructure.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ManageUsersCountIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_EndUsers_PartnerId_Deleted_Enabled_MigratedToSso",
                table: "EndUsers",
                columns: new[] { "PartnerId", "Deleted", "Enabled", "MigratedToSso" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EndUsers_PartnerId_Deleted_Enabled_MigratedToSso",
                table: "EndUsers");
        }
    }
}
