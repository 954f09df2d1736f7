#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The built module folder imports cleanly and exports exactly what its manifest lists.
BeforeAll {
    $moduleFolder = Join-Path $PSScriptRoot '../../out/PSKube'
    $manifestPath = Join-Path $moduleFolder 'PSKube.psd1'
}

Describe 'PSKube module' {
    It 'has a valid manifest' {
        $manifest = Test-ModuleManifest -Path $manifestPath
        $manifest.RootModule | Should -Be 'PSKube.dll'
        $manifest.PowerShellVersion | Should -Be ([version]'7.4')
        $manifest.CompatiblePSEditions | Should -Contain 'Core'
    }

    It 'imports and exports the cmdlets its manifest lists' {
        $module = Import-Module $manifestPath -PassThru -Force
        $manifest = Import-PowerShellDataFile -Path $manifestPath
        @($module.ExportedCmdlets.Keys | Sort-Object) | Should -Be @($manifest.CmdletsToExport | Sort-Object)
        Remove-Module $module
    }
}
