package ro.runner.imports.job;

/**
 * Romanian ș and ț: Windows-1250 and ISO-8859-2 only have the cedilla forms (ş ţ), which older
 * software also wrote in UTF-8. By default the import stores the correct comma-below forms
 * (U+0218–U+021B); the job parameter diacritics=keep stores the text as found.
 */
final class Diacritics {

    private Diacritics() {}

    static String commaBelow(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 'ş' || c == 'ţ' || c == 'Ş' || c == 'Ţ') {
                return text.replace('ş', 'ș')
                        .replace('ţ', 'ț')
                        .replace('Ş', 'Ș')
                        .replace('Ţ', 'Ț');
            }
        }
        return text;
    }
}
