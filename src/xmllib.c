/* xmllib.c — libxml2 opened with dlopen() on first use (see xmllib.h). */
#include "xmllib.h"
#include "util.h"

#include <pthread.h>

gk_xml_api gk_xml;
static int xml_ok;
static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static void load_xml(void)
{
    static const char *const NAMES[] = {"libxml2.so.2", "libxml2.so", NULL};
    void *h = util_dlopen("libxml2", NAMES);
    if (!h)
        return;
    int ok = 1;
#define SYM(field, name) ok &= util_dlsym(h, name, &gk_xml.field)
    SYM(init_parser, "xmlInitParser");
    SYM(set_generic_error_func, "xmlSetGenericErrorFunc");
    SYM(html_read_memory, "htmlReadMemory");
    SYM(read_memory, "xmlReadMemory");
    SYM(doc_get_root_element, "xmlDocGetRootElement");
    SYM(free_doc, "xmlFreeDoc");
    SYM(get_prop, "xmlGetProp");
    SYM(has_prop, "xmlHasProp");
    SYM(node_get_content, "xmlNodeGetContent");
    SYM(free_var, "xmlFree");          /* the variable's address, read at each call */
#undef SYM
    if (!ok)
        return;                        /* the library stays loaded for the process, unused */
    xmlInitParser();
    xml_ok = 1;
}

int xmllib_load(void)
{
    pthread_once(&xml_once, load_xml);
    if (!xml_ok)
        return -1;
    xmlSetGenericErrorFunc(NULL, quiet);
    return 0;
}
